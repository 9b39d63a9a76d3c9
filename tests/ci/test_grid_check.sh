#!/usr/bin/env bash
# The CI job of examples/ci/ on a real (temporary) git repository: a grid committed on main,
# then changed on two branches. A weight change with a minor bump passes; a leaf removed with
# only a minor bump fails --check-version. Usage: test_grid_check.sh ESS_EVAL SOURCE_DIR
set -u
ess=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
script=$src/examples/ci/grid-check.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
check() {  # check DESCRIPTION CONDITION...
  local what=$1
  shift
  if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; failures=$((failures + 1)); fi
}

repo=$work/repo
mkdir -p "$repo/criteria" "$repo/dossiers"
cd "$repo" || exit 1
git init -q -b main .
git config user.name "CI test"
git config user.email "ci@example.org"
git config commit.gpgsign false
cp "$src/tests/e2e/fixtures/grid-diff/base.yaml" criteria/atelier-test.yaml
cat >dossiers/d1.yaml <<'YAML'
dossier: D1
title: Épicerie
grid: atelier-test
facts: {ventes: 50000, subventions: 20000, heures: 1000}
assessments:
  - assessor: A. Martin
    role: analyst
    date: 2026-03-01
    scores:
      democratie: {value: yes, evidence: "Statuts"}
      instances: {level: 1}
      salaires: {value: 3}
      participation-ag: {value: 20}
YAML
cat >dossiers/d2.yaml <<'YAML'
dossier: D2
title: Recyclerie
grid: atelier-test
facts: {ventes: 10000, subventions: 30000, heures: 3000}
assessments:
  - assessor: A. Martin
    role: analyst
    date: 2026-03-01
    scores:
      democratie: {value: yes, evidence: "Statuts"}
      instances: {level: 2}
      salaires: {value: 2}
      participation-ag: {value: 35}
YAML
git add -A && git commit -qm "grid atelier-test 1.0.0"

run() {  # run BRANCH: the CI script on BRANCH against main; sets rc, out, summary
  git checkout -q "$1"
  rm -f "$work/summary.md"
  out=$(BASE_REF=main ESS_EVAL=$ess SUMMARY_FILE=$work/summary.md bash "$script" 2>&1)
  rc=$?
  summary=$(cat "$work/summary.md" 2>/dev/null)
}

# A weight changed, version 1.1.0: minor is enough.
git checkout -q -b reweight main
sed -i -e 's/^version: 1.0.0/version: 1.1.0/' \
  -e '/- id: ressources-axe/,/weight:/s/weight: 1/weight: 2/' criteria/atelier-test.yaml
git commit -qam "ressources-axe weighs 2"
run reweight
check "weight change with a minor bump passes (rc $rc)" test "$rc" -eq 0
check "the summary holds the diff" grep -q "poids 1 → 2" <<<"$summary"
check "the summary holds the impact" grep -q "Impact du changement de grille" <<<"$summary"
check "the impact lists both dossiers" grep -q "| D2 |" <<<"$summary"

# A leaf removed, version 1.1.0 only: a major bump was needed.
git checkout -q -b remove-leaf main
sed -i -e 's/^version: 1.0.0/version: 1.1.0/' -e '/id: mixite-ressources/d' criteria/atelier-test.yaml
git commit -qam "drop mixite-ressources"
run remove-leaf
check "leaf removed with only a minor bump fails (rc $rc)" test "$rc" -eq 1
check "it says which change requires what" grep -q "leaf removed" <<<"$out"
check "it names the version needed" grep -q "set version: 2.0.0" <<<"$out"

# The same with version 2.0.0 passes.
sed -i -e 's/^version: 1.1.0/version: 2.0.0/' criteria/atelier-test.yaml
git commit -qam "bump to 2.0.0"
run remove-leaf
check "leaf removed with a major bump passes (rc $rc)" test "$rc" -eq 0

# No grid changed: validation and grid test only.
git checkout -q -b dossiers-only main
sed -i 's/title: Recyclerie/title: Recyclerie du Plateau/' dossiers/d2.yaml
git commit -qam "reword a dossier"
run dossiers-only
check "no grid changed passes (rc $rc)" test "$rc" -eq 0
check "the summary says no grid changed" grep -q "No grid changed" <<<"$summary"

if [ "$failures" -gt 0 ]; then
  echo "--- last output:"
  echo "$out"
  exit 1
fi
