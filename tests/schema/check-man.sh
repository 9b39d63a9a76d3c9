#!/bin/sh
# Checks that man/ess-eval.1 renders without a single groff warning.
# Usage: tests/schema/check-man.sh [REPO]   (REPO: the repository root, default two folders up)
# Runs `groff -man -Tutf8 -ww man/ess-eval.1 >/dev/null`: anything on stderr is a failure.
# Last line: `1 passed, 0 failed` or `0 passed, 1 failed`; exit 0 or 1 (2 without groff).
set -u
repo=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
page=$repo/man/ess-eval.1
if ! command -v groff >/dev/null 2>&1; then
  echo "$0: groff is not installed" >&2
  exit 2
fi
if [ ! -r "$page" ]; then
  echo "FAIL  $page: not found"
  echo "0 passed, 1 failed"
  exit 1
fi
stderr=$(cd "$repo" && groff -man -Tutf8 -ww man/ess-eval.1 2>&1 >/dev/null)
status=$?
if [ $status -eq 0 ] && [ -z "$stderr" ]; then
  echo "ok    man/ess-eval.1 renders with no groff warning"
  echo "1 passed, 0 failed"
  exit 0
fi
echo "FAIL  man/ess-eval.1 (groff exit status $status):"
printf '%s\n' "$stderr" | sed 's/^/      /'
echo "0 passed, 1 failed"
exit 1
