#!/usr/bin/env bash
# Quick start, the main job: builds ess-eval, validates the shipped grids and dossiers, ranks
# the example call for projects under a budget, scores one dossier, then shows a call file:
# what it changes in the shared grid, and its calibration dossiers.
# Installs missing Debian packages when run as root (see .ci/deps.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. .ci/deps.sh
ess_require_packages build
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)" --target ess-eval >/dev/null
ess=build/ess-eval

echo "== ess-eval validate criteria examples/dossiers"
$ess validate --verbose criteria examples/dossiers
echo
echo "== ess-eval rank examples/dossiers --budget 120000"
$ess rank examples/dossiers --budget 120000
echo
echo "== ess-eval score examples/dossiers/2026-002-ressourcerie-grenier-creusois.yaml"
$ess score examples/dossiers/2026-002-ressourcerie-grenier-creusois.yaml
echo
echo "== ess-eval grid show aap-2026-transition   (the call's grid: what the call changes)"
$ess grid show aap-2026-transition | sed -n '/^## L.appel/,/^## Arbre/p' | sed '$d'
echo "== ess-eval grid test criteria/calls/aap-2026-transition.yaml"
$ess grid test criteria/calls/aap-2026-transition.yaml
