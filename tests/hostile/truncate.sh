#!/usr/bin/env bash
# Cuts FILE short at many byte offsets and validates every prefix: no input may crash
# ess-eval (exit >= 128) or hang it (timeout); each prefix exits 0 or 1.
#   tests/hostile/truncate.sh ESS WORKDIR FILE EACH [BATCH]
# Every EACH-th prefix is validated by a process of its own (its exit code checked alone);
# every BATCH-th prefix (default: every one) goes through one run over the whole folder,
# which meets each truncated state in turn. Prints a summary that does not depend on timing.
set -uo pipefail
ess=$1 work=$2 file=$3 each=$4 batch=${5:-1}
size=$(stat -c %s "$file")
name=$(basename "$file")
every() { if [ "$1" = 1 ]; then echo "every byte"; else echo "every ${1}th byte"; fi; }

# The prefixes are cut by bash itself (no process per file): bytes, under LC_ALL=C.
export LC_ALL=C
IFS= read -r -d '' content <"$file"
[ ${#content} -eq "$size" ] || { echo "truncate.sh: cannot read $file as text" >&2; exit 2; }
mkdir -p "$work/each" "$work/batch"
for ((k = 0; k <= size; k += each)); do
  printf '%s' "${content:0:k}" >"$work/each/$(printf '%07d' "$k").yaml"
done
for ((k = 0; k <= size; k += batch)); do
  printf '%s' "${content:0:k}" >"$work/batch/$(printf '%07d' "$k").yaml"
done

# One process per prefix, four at a time; `timeout` exits 124 on a hang.
ls "$work/each"/*.yaml | xargs -P 4 -I{} sh -c \
  'timeout 30 "$0" validate "$1" >/dev/null 2>&1; echo "$? $1"' "$ess" {} |
  sort -k2 >"$work/results"
count=$(wc -l <"$work/results")
ok0=$(awk '$1 == 0' "$work/results" | wc -l)
ok1=$(awk '$1 == 1' "$work/results" | wc -l)
echo "$name: $count prefixes ($(every "$each")), one run each: exit 0 for $ok0, exit 1 for $ok1"
status=0
bad=$(awk '$1 != 0 && $1 != 1' "$work/results")
if [ -n "$bad" ]; then
  echo "crash or hang (exit code, prefix):"
  echo "$bad" | sed "s|$work/each/||"
  status=1
fi

# Every prefix in one run: a crash on any of them would end the process.
files=$(ls "$work/batch" | wc -l)
timeout 120 "$ess" validate --jobs 2 "$work/batch" >/dev/null 2>"$work/batch.err"
rc=$?
echo "$name: $files prefixes ($(every "$batch")), one run for all: exit $rc"
if [ $rc -gt 1 ]; then
  tail -20 "$work/batch.err"
  status=1
fi
exit $status
