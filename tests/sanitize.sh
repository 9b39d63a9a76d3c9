#!/usr/bin/env bash
# The whole test suite (unit + end-to-end, hostile inputs included) under AddressSanitizer
# and UndefinedBehaviorSanitizer, in a build of its own.
#   tests/sanitize.sh [BUILD_DIR]       (default: build-sanitize)   extra ctest args: CTEST_ARGS
# -O1: the usual trade-off for ASan, quick to build and not too slow to run. -g1: line tables,
# all a sanitizer report needs (236 s to build on 2 cores against 300 s with -g).
# The oracle comparisons (hundreds of generated dossiers, each scored: the code paths of the
# e2e score cases, at five minutes apiece under ASan) are left out unless SANITIZE_ALL=1.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-sanitize}
jobs=${JOBS:-$(nproc)}

cmake -S "$root" -B "$build" -G Ninja -DESS_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" >/dev/null
cmake --build "$build" -j "$jobs"

# A sanitizer report must fail a test even where only the exit code is looked at (the
# truncation test accepts exit 0 and 1): ASan exits 86, UBSan aborts (-fno-sanitize-recover).
export ASAN_OPTIONS=${ASAN_OPTIONS:-exitcode=86:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
exclude=()
# The documentation, packaging and report-reader checks run no new code: the normal build covers them.
# The fault-injection suite (faults.) runs on the plain build only: a sanitizer build cannot
# start under `ulimit -v`, and the suite skips itself there even with SANITIZE_ALL=1.
[ "${SANITIZE_ALL:-0}" = 1 ] || exclude=(-E '^(oracle\.compare|docs\.|install\.|report\.|ci\.|faults\.)')
cd "$build"
ctest -j "$jobs" --output-on-failure "${exclude[@]}" ${CTEST_ARGS:-}
