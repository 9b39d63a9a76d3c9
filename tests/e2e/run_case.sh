#!/usr/bin/env bash
# Runs one end-to-end case: tests/e2e/cases/<name>/cmd is a shell line run from the repository
# root with $ESS set to the binary; its stdout, stderr and exit code must equal expected.*.
# Never writes expected files: tests/e2e/update.sh does that, on purpose, for review.
# An optional file `timeout` in the case folder holds its CTest limit in seconds (default 60).
set -u
ess=$1 case_dir=$2 root=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmd=$(cat "$case_dir/cmd")
(cd "$root" && ESS="$ess" TMP="$work" LC_ALL=C.UTF-8 NO_COLOR= bash -c "$cmd" \
  >"$work/stdout" 2>"$work/stderr" </dev/null)
echo $? >"$work/rc"
status=0
for part in stdout stderr rc; do
  expected="$case_dir/expected.$part"
  if [ ! -f "$expected" ]; then
    echo "missing $expected (run tests/e2e/update.sh $(basename "$case_dir"))"
    status=1
  elif ! cmp -s "$expected" "$work/$part"; then
    echo "--- $part differs: expected vs actual"
    diff -u "$expected" "$work/$part" | head -60
    status=1
  fi
done
exit $status
