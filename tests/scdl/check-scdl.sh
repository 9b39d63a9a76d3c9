#!/usr/bin/env bash
# The SCDL « subventions » 2.1.1 export checked against the official Table Schema
# (tests/scdl/subventions-2.1.1.schema.json, see README.md) by validate-scdl.js:
#   1. the schema's own valid example, and valid/*.csv, pass; every invalid/*.csv is refused
#      (the checker can fail);
#   2. the export of each shipped call (criteria/calls/*.yaml) over examples/dossiers, every
#      dossier of the call taken as funded (the funding line's proposal), passes, one row per
#      dossier of the call, with the scdl-proposal warning;
#   3. the committee's amounts (fixtures/committee): the dossiers with `awarded` above 0 only,
#      a long title cut at a word (scdl-objet-cut), and the file passes;
#   4. dossiers lacking what the format requires (fixtures/missing): one scdl-missing-field
#      error naming each such dossier, exit 1, and the rows written still pass;
#   5. with ESS_EVAL, the command itself, `rank --call CALL --format scdl`: for each shipped
#      call, one row per dossier its own ranking funds (`rank --call --format csv`), the
#      proposal warning, and the file validates; the committee's `awarded` amounts (examples
#      copied with `awarded:` added) win over the funding line; a funded dossier without SIRET
#      nor RNA is an error naming it, exit 1, and the other rows still validate.
# Usage: check-scdl.sh SCDL_EXPORT TABLESCHEMA_DIR [REPO [ESS_EVAL]].
# Last line: `N passed, M failed`.
set -u
export_bin=$1 ts=$2
root=${3:-$(cd "$(dirname "$0")/../.." && pwd)}
ess=${4:-}
here=$root/tests/scdl
schema=$here/subventions-2.1.1.schema.json
work=$(mktemp -d "${TMPDIR:-/tmp}/check-scdl.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT HUP INT TERM
cd "$root" || exit 2
passed=0 failed=0
result() {  # result OK DESCRIPTION
  if [ "$1" = 0 ]; then passed=$((passed + 1)); echo "ok    $2"; else failed=$((failed + 1)); echo "FAIL  $2"; fi
}
validate() {  # validate [--expect-invalid] FILE...: validate-scdl.js, its lines indented
  node "$here/validate-scdl.js" "$@" >"$work/v.out" 2>&1
  local rc=$?
  sed 's/^/      /' "$work/v.out"
  return $rc
}
rows() { tail -n +2 "$1" | grep -c .; }

validate "$ts" "$schema" "$here/exemple_valide.csv" "$here"/valid/*.csv
result $? "the schema's valid example and valid/*.csv pass"
validate --expect-invalid "$ts" "$schema" "$here"/invalid/*.csv
result $? "every invalid/*.csv is refused"

for call in criteria/calls/*.yaml; do
  id=$(sed -n 's/^call: *//p' "$call")
  out=$work/$id.csv
  "$export_bin" "$call" examples/dossiers/*.yaml >"$out" 2>"$work/$id.err"
  rc=$?
  want=$(grep -l "^call: $id\$" examples/dossiers/*.yaml | wc -l)
  [ $rc = 0 ] && [ "$(rows "$out")" = "$want" ] && grep -q "\[scdl-proposal\]" "$work/$id.err"
  result $? "$id: exit 0, $want rows (one per dossier of the call), scdl-proposal warning"
  validate "$ts" "$schema" "$out"
  result $? "$id: the export validates against the schema"
done

out=$work/committee.csv
"$export_bin" criteria/calls/aap-2026-transition.yaml "$here"/fixtures/committee/*.yaml >"$out" 2>"$work/committee.err"
rc=$?
[ $rc = 0 ] && [ "$(rows "$out")" = 2 ] && grep -q "^$here/fixtures/committee/c-01.yaml:.*\[scdl-objet-cut\]" "$work/committee.err" &&
  ! grep -q "scdl-proposal" "$work/committee.err" && grep -q ",35000.5,aide en numéraire," "$out" &&
  ! grep -q "SCDL-03\|sans décision" "$out"
result $? "committee: the 2 dossiers awarded above 0, amounts as decided, objet cut with a warning"
validate "$ts" "$schema" "$out"
result $? "committee: the export validates against the schema"

out=$work/missing.csv
"$export_bin" criteria/calls/aap-2026-transition.yaml "$here"/fixtures/missing/*.yaml >"$out" 2>"$work/missing.err"
rc=$?
[ $rc = 1 ] && [ "$(rows "$out")" = 1 ] && [ "$(grep -c "\[scdl-missing-field\]" "$work/missing.err")" = 2 ] &&
  grep -q "m-01.yaml:.*'SCDL-M1' has no SIRET nor RNA" "$work/missing.err" &&
  grep -q "m-02.yaml:.*'SCDL-M2' has no applicant" "$work/missing.err"
result $? "missing: an error naming each incomplete dossier and its field, exit 1, only the complete row"
validate "$ts" "$schema" "$out"
result $? "missing: the rows written validate against the schema"

if [ -n "$ess" ]; then
  funded() {  # funded CALL: the dossiers the call's own ranking funds
    "$ess" rank --call "$1" --format csv examples/dossiers 2>/dev/null |
      python3 -c 'import csv,sys; print(sum(r["funded"] == "true" for r in csv.DictReader(sys.stdin)))'
  }
  for call in criteria/calls/*.yaml; do
    id=$(sed -n 's/^call: *//p' "$call")
    out=$work/cmd-$id.csv
    "$ess" rank --call "$id" --format scdl examples/dossiers >"$out" 2>"$work/cmd-$id.err"
    rc=$?
    want=$(funded "$id")
    [ $rc = 0 ] && [ "$(rows "$out")" = "$want" ] &&
      { [ "$want" = 0 ] || grep -q "^$call:.*\[scdl-proposal\]" "$work/cmd-$id.err"; }
    result $? "rank --call $id --format scdl: exit 0, $want rows (the funded dossiers), scdl-proposal warning"
    validate "$ts" "$schema" "$out"
    result $? "rank --call $id --format scdl: the export validates against the schema"
  done
  [ "$(rows "$work/cmd-aap-2026-alimentation.csv")" -gt 0 ]
  result $? "rank --call aap-2026-alimentation --format scdl: at least one award"

  # The committee has decided: two dossiers of the call awarded (one less than asked), one
  # refused (awarded: 0); the others record nothing and are not exported.
  mkdir -p "$work/decided"
  cp examples/dossiers/*.yaml "$work/decided/"
  printf 'awarded: 22000.5\n' >>"$work/decided/2026-011-legumerie-pays-de-gueret.yaml"
  printf 'awarded: 8000\n' >>"$work/decided/2026-006-amap-pays-de-bourganeuf.yaml"
  printf 'awarded: 0\n' >>"$work/decided/2026-001-epicerie-soupe-aux-cailloux.yaml"
  out=$work/cmd-decided.csv
  "$ess" rank --call aap-2026-alimentation --format scdl "$work/decided" >"$out" 2>"$work/cmd-decided.err"
  rc=$?
  [ $rc = 0 ] && [ "$(rows "$out")" = 2 ] && ! grep -q "scdl-proposal" "$work/cmd-decided.err" &&
    grep -q ",22000.5,aide en numéraire," "$out" && grep -q ",8000,aide en numéraire," "$out" &&
    ! grep -q "Soupe aux Cailloux" "$out"
  result $? "rank --format scdl, committee decided: the 2 amounts awarded above 0, as decided"
  validate "$ts" "$schema" "$out"
  result $? "rank --format scdl, committee decided: the export validates against the schema"

  # A funded dossier without SIRET nor RNA: an error naming it; the others are written.
  mkdir -p "$work/no-id"
  cp examples/dossiers/*.yaml "$work/no-id/"
  sed -i '/^siret:/d; /^rna:/d' "$work/no-id/2026-004-chantier-insertion-jardins-vezere.yaml"
  out=$work/cmd-no-id.csv
  "$ess" rank --call aap-2026-alimentation --format scdl "$work/no-id" >"$out" 2>"$work/cmd-no-id.err"
  rc=$?
  [ $rc = 1 ] && [ "$(rows "$out")" = $(($(rows "$work/cmd-aap-2026-alimentation.csv") - 1)) ] &&
    grep -q "2026-004-chantier-insertion-jardins-vezere.yaml:.*'2026-004' has no SIRET nor RNA.*\[scdl-missing-field\]" "$work/cmd-no-id.err"
  result $? "rank --format scdl, a funded dossier without SIRET nor RNA: an error naming it, exit 1"
  validate "$ts" "$schema" "$out"
  result $? "rank --format scdl, a dossier refused: the rows written validate against the schema"
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
