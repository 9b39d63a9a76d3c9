#!/usr/bin/env bash
# Builds the fuzz target with clang's libFuzzer (ASan + UBSan) and runs it.
#   tests/fuzz/run.sh [SECONDS] [grid|dossier|all]     (default: 60 all)
# Needs clang++ and libclang-rt-14-dev (Debian 12: apt-get install -y clang libclang-rt-14-dev).
# The corpus grows in build-fuzz/corpus-<kind>/ (seeded from examples/, criteria/,
# tests/hostile/ and tests/fuzz/corpus/); crashes land in build-fuzz/findings/: copy each into
# tests/fuzz/corpus/, which CTest replays (fuzz.replay) in every test run, and fix it. To
# refresh the kept corpus: fuzz_load -merge=1 NEW_DIR build-fuzz/corpus-* and keep the small
# files (the kept corpus holds inputs under 3 KB, about 600 KB in all).
set -euo pipefail
seconds=${1:-60}
kind=${2:-all}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${ESS_FUZZ_BUILD:-$root/build-fuzz}
cxx=${CXX_FUZZ:-clang++}
command -v "$cxx" >/dev/null || { echo "run.sh: $cxx not found" >&2; exit 2; }

cmake -S "$root/tests/fuzz" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" >/dev/null
cmake --build "$build" --target fuzz_load

seed() {  # seed DIR FILES...: small copies of real inputs, named by content
  local dir=$1
  shift
  mkdir -p "$dir"
  for f in "$@"; do
    [ -f "$f" ] && [ "$(stat -c %s "$f")" -le 65536 ] && cp "$f" "$dir/$(sha1sum <"$f" | cut -c1-16)"
  done
  return 0
}
shopt -s nullglob
grids=("$root"/criteria/*.yaml)
dossiers=("$root"/examples/dossiers/*.yaml "$root"/criteria/*.calibration/*.yaml)
for f in "$root"/examples/invalid/*.yaml "$root"/tests/hostile/*.yaml "$root"/tests/e2e/fixtures/*.yaml \
  "$root"/tests/fuzz/corpus/*; do
  if grep -q '^grid:' "$f" 2>/dev/null; then grids+=("$f"); else dossiers+=("$f"); fi
done

mkdir -p "$build/findings"
run() {  # run KIND SECONDS FILES...
  local name=$1 secs=$2
  shift 2
  local corpus="$build/corpus-$name"
  seed "$corpus" "$@"
  echo "== fuzzing $name-shaped inputs for ${secs}s (corpus: $corpus)"
  # -max_len: the largest seed is a ~25 KB grid. -rss_limit_mb: a parse may legitimately take
  # some memory, a leak or a runaway may not. -timeout: a hang is a finding.
  "$build/fuzz_load" "$corpus" -dict="$root/tests/fuzz/ess.dict" -max_total_time="$secs" \
    -max_len=40000 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$build/findings/$name-" 2>&1 | grep -v '^#[0-9].*\(NEW\|REDUCE\|pulse\)' || return 1
}
status=0
case $kind in
  grid) run grid "$seconds" "${grids[@]}" || status=1 ;;
  dossier) run dossier "$seconds" "${dossiers[@]}" || status=1 ;;
  all)
    run grid "$seconds" "${grids[@]}" || status=1
    run dossier "$seconds" "${dossiers[@]}" || status=1
    ;;
  *) echo "run.sh: kind is grid, dossier or all" >&2; exit 2 ;;
esac
ls "$build/findings" | sed 's/^/finding: /'
exit $status
