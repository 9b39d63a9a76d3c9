#!/usr/bin/env bash
# Cuts FILE at every STEP-th byte and validates each prefix: every exit must be 0 or 1, never
# a crash (exit >= 128) nor a hang (timeout). Prints a summary that does not depend on timing.
#   tests/hostile/truncate.sh ESS WORKDIR FILE STEP
set -uo pipefail
ess=$1 work=$2 file=$3 step=$4
mkdir -p "$work/prefixes"
size=$(stat -c %s "$file")
count=0
for ((k = 0; k <= size; k += step)); do
  head -c "$k" "$file" >"$work/prefixes/$(printf '%07d' "$k").yaml"
  count=$((count + 1))
done
# Each prefix on its own, four at a time. `timeout` exits 124 on a hang.
ls "$work/prefixes"/*.yaml | xargs -P 4 -I{} sh -c \
  'timeout 20 "$0" validate "$1" >/dev/null 2>&1; echo "$? $1"' "$ess" {} |
  sort -k2 >"$work/results"
bad=$(awk '$1 != 0 && $1 != 1' "$work/results")
ok0=$(awk '$1 == 0' "$work/results" | wc -l)
ok1=$(awk '$1 == 1' "$work/results" | wc -l)
echo "$(basename "$file"): $count prefixes (every ${step}th byte): exit 0 for $ok0, exit 1 for $ok1"
if [ -n "$bad" ]; then
  echo "crash or hang (exit code, prefix):"
  echo "$bad" | sed "s|$work/prefixes/||"
  exit 1
fi
# And all of them in one batch: one process meets every state one after the other.
timeout 60 "$ess" validate --jobs 2 "$work/prefixes" >/dev/null 2>&1
rc=$?
echo "all prefixes in one run: exit $rc"
[ $rc -le 1 ]
