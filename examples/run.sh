#!/usr/bin/env bash
# Quick start, the main job: builds ess-eval, validates the shipped grids and dossiers, ranks
# the example dossiers under a budget, scores one dossier, then runs a call for projects from
# its file: what it changes in the shared grid, its calibration dossiers, its ranking with one
# funding line per territory, its awards as open data (SCDL), the applicants' letters, the
# committee's pack and the public account. The documents land in examples/out/ (not in git).
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
echo
echo "== ess-eval rank --call aap-2026-transition examples/dossiers   (one funding line per territory)"
$ess rank --call aap-2026-transition examples/dossiers
echo
out=examples/out
mkdir -p "$out"
echo "== ess-eval rank --call aap-2026-alimentation --format scdl -o $out/subventions.csv examples/dossiers"
$ess rank --call aap-2026-alimentation --format scdl -o "$out/subventions.csv" examples/dossiers
head -3 "$out/subventions.csv"
echo
echo "== ess-eval letter --call aap-2026-transition --out-dir $out/lettres examples/dossiers"
$ess letter --call aap-2026-transition --out-dir "$out/lettres" examples/dossiers
ls "$out/lettres"
echo
echo "== ess-eval pack --call aap-2026-transition -o $out/comite.html examples/dossiers"
$ess pack --call aap-2026-transition -o "$out/comite.html" examples/dossiers
echo "== ess-eval pack --call aap-2026-transition --audience public -f md -o $out/compte-rendu.md examples/dossiers"
$ess pack --call aap-2026-transition --audience public -f md -o "$out/compte-rendu.md" examples/dossiers
echo
echo "Documents in $out/: open comite.html in a browser (print to A4), convert the letters and"
echo "the public account to Word with: pandoc -f markdown -o lettre.docx $out/lettres/2026-002.md"
