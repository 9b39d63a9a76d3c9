#!/usr/bin/env bash
# Rewrites the expected files of the named cases (or all) from the current binary.
# Review every change with `git diff tests/e2e` before committing: a golden file is a claim.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
ess=${ESS:-$root/build/ess-eval}
cd "$root/tests/e2e/cases"
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(*)
for name in "${cases[@]}"; do
  dir="$root/tests/e2e/cases/$name"
  work=$(mktemp -d)
  cmd=$(cat "$dir/cmd")
  (cd "$root" && ESS="$ess" TMP="$work" LC_ALL=C.UTF-8 NO_COLOR= bash -c "$cmd" \
    >"$dir/expected.stdout" 2>"$dir/expected.stderr" </dev/null) && rc=0 || rc=$?
  echo $rc >"$dir/expected.rc"
  rm -rf "$work"
  echo "$name: rc $rc"
done
