#!/bin/bash
# Checks completion/ess-eval.bash: each case runs the completion function in a fresh bash, in a
# scratch project folder, and compares the (sorted) candidates with the expected ones.
# Also checks that completion/_ess-eval parses, when zsh is installed.
# Usage: tests/schema/check-completion.sh [REPO]   (REPO: the repository root, default two up)
# Last line: `N passed, M failed`; exit 0 when all pass, 1 otherwise, 77 (skipped) when the
# bash checks pass but zsh is missing.
set -u
repo=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
script=$repo/completion/ess-eval.bash
if [ ! -r "$script" ]; then
  echo "FAIL  $script: not found"
  echo "0 passed, 1 failed"
  exit 1
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/check-completion.XXXXXX") || exit 2
trap 'rm -rf "$scratch"' EXIT HUP INT TERM
# A small project: grids in ./criteria and in a folder of $ESS_EVAL_GRID_PATH, dossiers, noise.
mkdir -p "$scratch/criteria/ess-demo.calibration" "$scratch/more-grids" \
  "$scratch/criteria/calls" "$scratch/more-grids/calls" \
  "$scratch/examples/dossiers" "$scratch/reports"
touch "$scratch/criteria/ess-demo.yaml" "$scratch/criteria/ess-autre.yml" \
  "$scratch/criteria/README.md" "$scratch/more-grids/ess-extra.yaml" \
  "$scratch/examples/dossiers/2026-001.yaml" "$scratch/examples/dossiers/2026-002.yml" \
  "$scratch/examples/dossiers/notes.txt" "$scratch/list.txt" \
  "$scratch/criteria/calls/aap-demo.yaml" "$scratch/more-grids/calls/aap-extra.yml"

passed=0
failed=0

# check DESCRIPTION EXPECTED WORD... : completes the last WORD (COMP_CWORD = last index).
# Folders come without their trailing '/': bash adds it (compopt -o filenames) only when
# completing interactively.
check() {
  local description=$1 expected=$2
  shift 2
  local words="" w
  for w in "$@"; do words+=" $(printf '%q' "$w")"; done
  local got
  got=$(cd "$scratch" && ESS_EVAL_GRID_PATH="$scratch/more-grids" bash --norc --noprofile -c "
    source $(printf '%q' "$script") || exit 9
    COMP_WORDS=($words)
    COMP_CWORD=\$(( \${#COMP_WORDS[@]} - 1 ))
    _ess_eval
    printf '%s\n' \"\${COMPREPLY[@]}\"" 2>&1 | sed '/^$/d' | LC_ALL=C sort | tr '\n' ' ')
  got=${got% }
  if [ "$got" = "$expected" ]; then
    passed=$((passed + 1))
    echo "ok    $description"
  else
    failed=$((failed + 1))
    echo "FAIL  $description"
    echo "        words:    $*"
    echo "        expected: $expected"
    echo "        got:      $got"
  fi
}

# Commands and grid subcommands.
check "commands" "grid letter pack rank schema score sensitivity template validate" ess-eval ""
check "commands starting with sc" "schema score" ess-eval sc
check "grid subcommands" "diff impact show test" ess-eval grid ""
check "grid subcommand s" "show" ess-eval grid s
check "schema kinds" "call dossier grid" ess-eval schema ""
check "top-level options" "--help --version -h" ess-eval -
# Options per command.
check "validate options" "--diagnostics --files-from --follow --grid --help --jobs --lang --max-file-size --quiet --strict --verbose" ess-eval validate --
check "score options" "--call --consolidate --csv-sep --diagnostics --follow --format --grid --help --jobs --lang --max-file-size --out-dir --output --quiet --strict --verbose" ess-eval score --
check "rank --b" "--budget" ess-eval rank --b
check "rank --g" "--grid --group-by" ess-eval rank --g
check "template options" "--diagnostics --grid --help --jobs --lang --max-file-size --output --quiet --strict --verbose" ess-eval template --
check "grid diff --check" "--check-version" ess-eval grid diff --ch
check "grid impact --fail" "--fail-on-decision-change" ess-eval grid impact --fa
check "grid test has no --format" "" ess-eval grid test --fo
check "sensitivity --s" "--samples --seed --spread --strict" ess-eval sensitivity --s
check "options after other options" "--out-dir --output" ess-eval score --format json -j 4 --ou
# Option values.
check "--format" "csv json md" ess-eval score --format ""
check "-f" "csv json md scdl" ess-eval rank -f ""
check "pack --format" "html md" ess-eval pack --format ""
check "pack --audience" "committee public" ess-eval pack --audience ""
check "pack --format=h in one word" "--format=html" ess-eval pack --format=h
check "letter options" "--call --consolidate --date --diagnostics --follow --grid --help --jobs --lang --letterhead --max-file-size --out-dir --quiet --strict --verbose" ess-eval letter --
check "--call: call ids beside the grids" "aap-demo aap-extra" ess-eval letter --call aap-
check "letter --date takes a value" "" ess-eval letter --date ""
check "--format j" "json" ess-eval score --format j
check "--format=, split by bash" "csv json md" ess-eval score --format = ""
check "--format=c, split by bash" "csv" ess-eval score --format = c
check "--format=j in one word" "--format=json" ess-eval score --format=j
check "--lang" "en fr" ess-eval score --lang ""
check "--consolidate m" "mean median min" ess-eval rank --consolidate m
check "--group-by t" "territory theme" ess-eval rank --group-by t
check "--group-by" "call territory theme" ess-eval rank --group-by ""
check "--diagnostics" "github gnu json" ess-eval validate --diagnostics ""
check "--diagnostics g" "github gnu" ess-eval validate --diagnostics g
check "--csv-sep" ", ;" ess-eval score --csv-sep ""
check "--jobs takes a number: nothing" "" ess-eval score --jobs ""
check "--out-dir: folders only" "reports" ess-eval score --out-dir re
# Grid ids and files.
check "template GRID: ids from ./criteria and \$ESS_EVAL_GRID_PATH" "ess-autre ess-demo ess-extra" ess-eval template ess
check "grid show GRID: ids, and files" "ess-autre ess-demo ess-extra examples" ess-eval grid show e
check "grid test GRID with options before" "ess-demo" ess-eval grid test --lang fr ess-d
check "template GRID or a file" "criteria" ess-eval template cr
check "--grid FILE: yaml files and folders" "criteria/ess-autre.yml criteria/ess-demo.calibration criteria/ess-demo.yaml" ess-eval score --grid criteria/ess-
check "--grid=FILE in one word" "--grid=criteria/ess-autre.yml --grid=criteria/ess-demo.calibration --grid=criteria/ess-demo.yaml" ess-eval score --grid=criteria/ess-
check "dossier folders" "examples" ess-eval score ex
check "dossier files: yaml only" "examples/dossiers/2026-001.yaml examples/dossiers/2026-002.yml" ess-eval rank examples/dossiers/
check "values of options are skipped" "examples" ess-eval rank --format json --budget 1000 --call aap ex
check "grid diff OLD NEW: files" "criteria/ess-autre.yml criteria/ess-demo.calibration criteria/ess-demo.yaml" ess-eval grid diff criteria/ess-
check "--files-from: any file" "list.txt" ess-eval validate --files-from li
check "after --: no options" "" ess-eval validate -- --st

# zsh: the file parses, then a few completions through a real interactive zsh (driven with
# zsh/zpty, completion candidates captured by wrapping compadd). Skipped without zsh.
zsh_file=$repo/completion/_ess-eval
capture=$scratch/capture.zsh
cat >"$capture" <<'CAPTURE'
# zsh -f capture.zsh COMPDIR WORDS...: prints the candidates zsh offers for "WORDS<TAB>".
# After the compadd-capturing technique of Valodim/zsh-capture-completion.
zmodload zsh/zpty || exit 2
compdir=$1; shift
zpty z zsh -f -i
init=$(mktemp "${TMPDIR:-/tmp}/capture-init.XXXXXX")
cat > $init <<INIT
PROMPT=
fpath=($compdir \$fpath)
autoload -U compinit
compinit -u -D
bindkey '^I' complete-word
null-line () { echo -E - \$'\0' }
compprefuncs=( null-line )
comppostfuncs=( null-line exit )
zstyle ':completion:*' list-grouped false
zstyle ':completion:*' insert-tab false
zstyle ':completion:*' list-separator ''
compadd () {
  if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
    builtin compadd "\$@"
    return \$?
  fi
  typeset -a __hits __dscr __tmp
  if (( \$@[(I)-d] )); then
    __tmp=\${@[\$[\${@[(i)-d]}+1]]}
    if [[ \$__tmp == \(* ]]; then eval "__dscr=\$__tmp"; else __dscr=( "\${(@P)__tmp}" ); fi
  fi
  builtin compadd -A __hits -D __dscr "\$@"
  builtin compadd "\$@"  # also add them, so that fallbacks (all-files) behave as in real use
  setopt localoptions norcexpandparam extendedglob
  typeset -A apre hpre hsuf asuf
  zparseopts -E P:=apre p:=hpre S:=asuf s:=hsuf
  integer dirsuf=0
  if [[ -z \$hsuf && "\${\${@//-default-/}% *}" == *-[[:alnum:]]#f* ]]; then dirsuf=1; fi
  [[ -n \$__hits ]] || return
  local dsuf
  for i in {1..\$#__hits}; do
    (( dirsuf )) && [[ -d \$__hits[\$i] ]] && dsuf=/ || dsuf=
    echo -E - \$IPREFIX\$apre\$hpre\$__hits[\$i]\$dsuf\$hsuf\$asuf
  done
}
echo ok
INIT
zpty -w z "source $init"
repeat 4; do zpty -r z line; [[ $line == ok* ]] && break; done
rm -f $init  # sourced by now
zpty -w z "$*"$'\t'
integer tog=0
while zpty -r z; do :; done | while IFS= read -r line; do
  if [[ $line == *$'\0\r' ]]; then
    (( tog++ )) && return 0 || continue
  fi
  (( tog )) && echo -E - $line
done
CAPTURE

# zcheck DESCRIPTION EXPECTED WORD...: like check, through zsh (the last WORD may be empty).
zcheck() {
  local description=$1 expected=$2
  shift 2
  local got
  got=$(cd "$scratch" && ESS_EVAL_GRID_PATH="$scratch/more-grids" TMPDIR="$scratch" timeout 20 \
    zsh -f "$capture" "$repo/completion" "$@" 2>&1 | tr -d '\r' | sed '/^$/d' |
    LC_ALL=C sort -u | tr '\n' ' ')
  got=${got% }
  if [ "$got" = "$expected" ]; then
    passed=$((passed + 1))
    echo "ok    zsh: $description"
  else
    failed=$((failed + 1))
    echo "FAIL  zsh: $description"
    echo "        words:    $*"
    echo "        expected: $expected"
    echo "        got:      $got"
  fi
}

if [ ! -r "$zsh_file" ]; then
  failed=$((failed + 1))
  echo "FAIL  completion/_ess-eval: not found"
elif ! command -v zsh >/dev/null 2>&1; then
  zsh_missing=1
  echo "skip  completion/_ess-eval: zsh is not installed (apt-get install zsh)"
elif ! out=$(zsh -n "$zsh_file" 2>&1); then
  failed=$((failed + 1))
  echo "FAIL  completion/_ess-eval does not parse: $out"
else
  passed=$((passed + 1))
  echo "ok    completion/_ess-eval parses (zsh -n)"
  zcheck "commands" "grid letter pack rank schema score sensitivity template validate" ess-eval ""
  zcheck "pack --audience" "committee public" ess-eval pack --audience ""
  zcheck "rank --format" "csv json md scdl" ess-eval rank --format ""
  zcheck "--call: call ids" "aap-demo aap-extra" ess-eval pack --call aap-
  zcheck "grid subcommands" "diff impact show test" ess-eval grid ""
  zcheck "schema kinds" "call dossier grid" ess-eval schema ""
  zcheck "--format" "csv json md" ess-eval score --format ""
  zcheck "--group-by" "call territory theme" ess-eval rank --group-by ""
  zcheck "--consolidate" "mean median min" ess-eval grid impact --consolidate ""
  zcheck "--diagnostics" "github gnu json" ess-eval validate --diagnostics ""
  zcheck "--lang" "en fr" ess-eval template --lang ""
  zcheck "rank --b" "--budget" ess-eval rank --b
  zcheck "grid diff --ch" "--check-version" ess-eval grid diff --ch
  zcheck "template GRID: ids" "ess-autre ess-demo ess-extra" ess-eval template ess-
  zcheck "dossier files: yaml only" "examples/dossiers/2026-001.yaml examples/dossiers/2026-002.yml" ess-eval score examples/dossiers/
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] || exit 1
# Without zsh half of this test did not run: CTest shows it as skipped, never as passed.
[ -z "${zsh_missing:-}" ] || exit 77
