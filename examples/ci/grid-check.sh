#!/usr/bin/env bash
# grid-check.sh — the CI job of a repository of criteria grids and dossiers, for any git forge.
# The workflows beside this file (GitHub Actions, GitLab CI) only install ess-eval and call it.
#
# Run from anywhere inside the repository:
#   BASE_REF=origin/main examples/ci/grid-check.sh
#
# It does, and reports every failure before exiting:
#   1. ess-eval validate: every grid (with its calibration dossiers) and every dossier;
#   2. ess-eval grid test: the calibration dossiers of every grid in criteria/;
#   3. for each grid changed since BASE_REF: grid diff --check-version against the grid on
#      BASE_REF (is the version bumped enough?), and grid impact on the dossiers (what does
#      the change do to them?), both in Markdown in the summary.
#
# Environment:
#   BASE_REF        the target branch to compare with (e.g. origin/main); without it, steps 1
#                   and 2 only
#   ESS_EVAL        the ess-eval binary (default: ess-eval on PATH)
#   ESS_DOSSIERS    folders of dossiers, separated by spaces (default: those of dossiers/ and
#                   examples/dossiers/ that exist)
#   ESS_DIAGNOSTICS gnu (default) or github (annotations on the pull request)
#   SUMMARY_FILE    Markdown summary, appended to (default: $GITHUB_STEP_SUMMARY, else
#                   grid-check.md in the current folder)
# Exit status: 0 when every check passes, 1 when one fails, 2 on a usage error.
set -u

ess=${ESS_EVAL:-ess-eval}
base=${BASE_REF:-}
diagnostics=${ESS_DIAGNOSTICS:-gnu}
summary=${SUMMARY_FILE:-${GITHUB_STEP_SUMMARY:-grid-check.md}}
case $summary in /*) ;; *) summary=$PWD/$summary ;; esac
case $ess in */*) ess=$(cd "$(dirname "$ess")" && pwd)/$(basename "$ess") ;; esac

root=$(git rev-parse --show-toplevel 2>/dev/null) || {
  echo "grid-check: error: not inside a git repository" >&2
  exit 2
}
cd "$root" || exit 2
if ! command -v "$ess" >/dev/null 2>&1; then
  echo "grid-check: error: cannot run '$ess' (set ESS_EVAL to the ess-eval binary)" >&2
  exit 2
fi
if [ ! -d criteria ]; then
  echo "grid-check: error: no criteria/ folder in $root" >&2
  exit 2
fi

dossiers=()
if [ -n "${ESS_DOSSIERS:-}" ]; then
  read -r -a dossiers <<<"$ESS_DOSSIERS"
else
  for d in dossiers examples/dossiers; do [ -d "$d" ] && dossiers+=("$d"); done
fi

status=0
fail() {
  echo "grid-check: FAILED: $*" >&2
  status=1
}
say() { printf '%s\n' "$*" >>"$summary"; }

echo "== ess-eval validate criteria ${dossiers[*]}"
"$ess" validate --diagnostics "$diagnostics" criteria "${dossiers[@]}" ||
  fail "validate: a grid or a dossier is invalid"

echo "== ess-eval grid test"
test_out=$("$ess" grid test --diagnostics "$diagnostics") || fail "grid test: a calibration dossier left its band"
printf '%s\n' "$test_out"

say "# Grid check"
say ""
if [ -n "$test_out" ]; then
  say '```'
  say "$test_out"
  say '```'
else
  say "No calibration dossiers (criteria/<grid-id>.calibration/)."
fi
say ""

if [ -z "$base" ]; then
  echo "grid-check: no BASE_REF: no grid diff or impact" >&2
  exit $status
fi
if ! git rev-parse --verify --quiet "$base^{commit}" >/dev/null; then
  echo "grid-check: error: BASE_REF '$base' is not a commit here (fetch it first)" >&2
  exit 2
fi

# Grids changed on this branch since it left the target: criteria/<id>.yaml, not calibration.
mapfile -t changed < <(git diff --name-only --no-renames "$base"...HEAD -- criteria |
  grep -E '^criteria/[^/]+\.ya?ml$' | LC_ALL=C sort)
if [ ${#changed[@]} -eq 0 ]; then
  say "No grid changed since \`$base\`."
  exit $status
fi

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
for grid in "${changed[@]}"; do
  echo "== $grid against $base"
  if [ ! -f "$grid" ]; then
    say "## \`$grid\`: removed"
    say ""
    say "Dossiers that name this grid can no longer be scored with it."
    continue
  fi
  if ! git cat-file -e "$base:$grid" 2>/dev/null; then
    say "## \`$grid\`: new grid"
    say ""
    continue
  fi
  "$ess" grid diff --check-version --diagnostics "$diagnostics" -o "$tmp/diff.md" \
    "$base:$grid" "$grid" || fail "grid diff --check-version: $grid"
  [ -f "$tmp/diff.md" ] && cat "$tmp/diff.md" >>"$summary" && say ""
  rm -f "$tmp/diff.md"
  if [ ${#dossiers[@]} -gt 0 ]; then
    "$ess" grid impact --diagnostics "$diagnostics" -o "$tmp/impact.md" \
      "$base:$grid" "$grid" "${dossiers[@]}" || fail "grid impact: $grid"
    [ -f "$tmp/impact.md" ] && cat "$tmp/impact.md" >>"$summary" && say ""
    rm -f "$tmp/impact.md"
  fi
done
exit $status
