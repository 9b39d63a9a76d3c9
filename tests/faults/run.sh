#!/usr/bin/env bash
# Fault injection (issue 16): ess-eval run as a careful operator would in a hostile
# environment — special files, closed descriptors, full disks, no /proc, resource limits,
# unreadable folders, odd file names, links out of the tree, signals, concurrent writers.
# Every case asserts the exit status, the message, and the state of the file system after.
#   tests/faults/run.sh ESS_EVAL SOURCE_ROOT [SANITIZE]
# Needs root (mount namespaces, setpriv to `nobody`) and unshare; exits 77 (CTest: Skipped,
# with the reason printed) without them, and in a sanitizer build (SANITIZE=ON), which cannot
# start under `ulimit -v`.
set -u
ess_built=$1 root=$2 sanitize=${3:-OFF}

skip() {
  echo "SKIPPED: $*"
  exit 77
}
case "$sanitize" in ON | on | 1 | TRUE | true) skip "a sanitizer build cannot run under ulimit -v" ;; esac
[ "$(id -u)" = 0 ] || skip "needs root (mount namespaces, setpriv); run the suite as root"
command -v unshare >/dev/null && unshare -m true 2>/dev/null || skip "unshare -m is not available"
command -v setpriv >/dev/null || skip "setpriv (util-linux) is not installed"
command -v python3 >/dev/null || skip "python3 is not installed"

work=$(mktemp -d /tmp/ess-faults.XXXXXX)
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
chmod 755 "$work"
mkdir "$work/bin"
cp "$ess_built" "$work/bin/ess-eval" # where `nobody` may run it
ess=$work/bin/ess-eval
faults=$(cd "$(dirname "$0")" && pwd)
examples=$root/examples/dossiers
cd "$root" || exit 1

failed=0 passed=0
ok() {
  passed=$((passed + 1))
}
bad() {
  failed=$((failed + 1))
  echo "FAIL [$case_name] $*"
}
begin() {
  case_name=$1
  echo "--- $1"
}
# rc WANT GOT
rc() {
  if [ "$2" = "$1" ]; then ok; else bad "exit status $2, expected $1"; fi
}
# says FILE TEXT: the message is there (fixed string)
says() {
  if grep -qF -- "$2" "$1"; then ok; else
    bad "no '$2' in $(basename "$1"):"
    sed 's/^/      /' "$1" | head -5
  fi
}
same() { # same FILE EXPECTED-FILE
  if cmp -s "$1" "$2"; then ok; else bad "$1 differs from $2"; fi
}
# only DIR NAME...: the folder holds exactly these entries (hidden ones included)
only() {
  local dir=$1
  shift
  local want got
  want=$(printf '%s\n' "$@" | sort)
  got=$(ls -A "$dir" | sort)
  if [ "$got" = "$want" ]; then ok; else bad "$dir holds [$(echo $got)], expected [$(echo $want)]"; fi
}
check() { # check DESCRIPTION COMMAND...: a condition on the file system
  local what=$1
  shift
  if "$@"; then ok; else bad "$what"; fi
}
is_json() { python3 -c 'import json, sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$1"; }
last_json() { # last_json FILE KEY: a key of the last object of the JSON array on stderr
  python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[-1][sys.argv[2]])' "$1" "$2"
}
t() { timeout 60 "$@"; } # a hang is a failure, not a stuck test

# References, in a normal environment.
"$ess" rank -f csv "$examples" >"$work/ref.csv" 2>/dev/null || {
  echo "FAIL: the reference run failed"
  exit 1
}
"$ess" score -f md "$examples" >"$work/ref-score.md" 2>/dev/null
python3 - "$examples/2026-001-epicerie-soupe-aux-cailloux.yaml" "$work/many" <<'PY'
import os, sys
src = open(sys.argv[1]).read()
os.makedirs(sys.argv[2])
for i in range(1500):
    with open(f"{sys.argv[2]}/k-{i:04}.yaml", "w") as f:
        f.write(src.replace("dossier: 2026-001", f"dossier: k-{i:04}", 1))
PY
"$ess" rank -f json --quiet "$work/many" -o "$work/ref-many.json"

out=$work/out err=$work/err
mkdir "$out"

begin "-o FIFO: written through, the FIFO stays"
mkfifo "$out/fifo"
timeout 30 cat "$out/fifo" >"$work/from-fifo" &
reader=$!
t "$ess" rank -f csv "$examples" -o "$out/fifo" 2>"$err"
rc 0 $?
wait $reader
same "$work/from-fifo" "$work/ref.csv"
check "the FIFO is still a FIFO" test -p "$out/fifo"
rm -f "$out/fifo"

begin "-o a symbolic link: its target replaced, mode 600 kept, the hard link parts"
echo old >"$out/target"
chmod 600 "$out/target"
ln -s target "$out/link"
ln "$out/target" "$out/hard"
t "$ess" rank -f csv "$examples" -o "$out/link" 2>"$err"
rc 0 $?
check "the link is still a link to target" test "$(readlink "$out/link")" = target
same "$out/target" "$work/ref.csv"
check "target keeps mode 600" test "$(stat -c %a "$out/target")" = 600
check "the hard link keeps the old content" test "$(cat "$out/hard")" = old
only "$out" hard link target
rm -f "$out"/*

# Cases that name entries of /dev run in a mount namespace with a /dev of its own: a binary
# that replaced them with regular files (as ess-eval once did) must not break the machine's.
private_dev() {
  unshare -m bash -c "mount -t tmpfs -o mode=755 tmpfs /dev && mknod -m 666 /dev/null c 1 3 &&
    mknod -m 666 /dev/full c 1 7 && ln -s /proc/self/fd /dev/fd &&
    ln -s /proc/self/fd/1 /dev/stdout && ln -s /proc/self/fd/2 /dev/stderr && $1"
}

begin "-o /dev/stdout: through the pipe, the link stays"
private_dev "timeout 60 '$ess' rank -f csv '$examples' -o /dev/stdout 2>'$err' | cat >'$work/piped';
  echo \${PIPESTATUS[0]} >'$work/rc'; readlink /dev/stdout >'$work/state'"
rc 0 "$(cat "$work/rc")"
same "$work/piped" "$work/ref.csv"
check "/dev/stdout is still the link" test "$(cat "$work/state")" = /proc/self/fd/1

begin "-o /dev/full (as root): ENOSPC, exit 3, the device stays"
private_dev "timeout 60 '$ess' rank -f csv '$examples' -o /dev/full 2>'$err';
  echo \$? >'$work/rc'; stat -c %F /dev/full >'$work/state'"
rc 3 "$(cat "$work/rc")"
says "$err" "ess-eval: error: /dev/full: cannot write: No space left on device"
check "/dev/full is still a character device" test "$(cat "$work/state")" = "character special file"

begin "standard output on /dev/full"
t "$ess" rank -f csv "$examples" >/dev/full 2>"$err"
rc 3 $?
says "$err" "ess-eval: error: cannot write to standard output: No space left on device"
t "$ess" validate -v "$examples" >/dev/full 2>"$err"
rc 3 $?
says "$err" "cannot write to standard output: No space left on device"
t "$ess" --version >/dev/full 2>"$err"
rc 3 $?
says "$err" "cannot write to standard output"
t "$ess" rank --help >/dev/full 2>"$err"
rc 3 $?

begin "--diagnostics json: stderr stays one JSON document when the output fails"
t "$ess" rank -f csv "$examples" --diagnostics json >/dev/full 2>"$err"
rc 3 $?
check "stderr is one JSON document" is_json "$err"
check "its last object is the output's failure" \
  test "$(last_json "$err" message)" = "cannot write to standard output: No space left on device"

begin "closed standard output"
for format in csv md json; do
  t "$ess" rank -f $format "$examples" >&- 2>"$err"
  rc 3 $?
  says "$err" "ess-eval: error: standard output is closed"
done
t "$ess" rank -f csv "$examples" -o "$out/r.csv" >&- 2>"$err"
rc 0 $?
same "$out/r.csv" "$work/ref.csv"
private_dev "timeout 60 '$ess' rank -f csv '$examples' -o /dev/stdout >&- 2>'$err'; echo \$? >'$work/rc'"
rc 3 "$(cat "$work/rc")"
says "$err" "standard output is closed"
t "$ess" validate "$examples" >&- 2>"$err" # no report on stdout: nothing lost
rc 0 $?
t "$ess" --version >&- 2>"$err"
rc 3 $?
only "$out" r.csv
rm -f "$out"/*

begin "closed or full standard error: exit 3, never an abort"
t "$ess" validate "$work/missing.yaml" 2>&-
rc 3 $?
t "$ess" validate "$work/missing.yaml" 2>/dev/full
rc 3 $?
t "$ess" validate "$examples" 2>/dev/full # warnings that cannot be said
rc 3 $?
t "$ess" rank "$examples" 2>&- >/dev/null
rc 3 $?
t "$ess" nonsense 2>/dev/full
rc 3 $?
t "$ess" template 2>&- >"$out/t.yaml" # nothing to say: nothing lost
rc 0 $?
rm -f "$out"/*

begin "no /proc (a minimal container): -o and --out-dir fall back to a named file"
unshare -m bash -c "umount -l /proc && exec timeout 60 '$ess' rank -f csv '$examples' -o '$out/r.csv'" 2>"$err"
rc 0 $?
same "$out/r.csv" "$work/ref.csv"
mkdir "$out/reports"
unshare -m bash -c "umount -l /proc && exec timeout 60 '$ess' score '$examples' --out-dir '$out/reports'" 2>"$err"
rc 0 $?
check "one report per dossier and an index" test "$(ls -A "$out/reports" | wc -l)" = 12
check "nothing hidden left in --out-dir" test -z "$(ls -A "$out/reports" | grep '^\.')"
only "$out" r.csv reports
rm -rf "${out:?}"/*

# A 64 KiB tmpfs in a mount namespace, nearly full, with an old report in it.
full_disk() { # full_disk SCRIPT: run in a namespace with $SMALL mounted and filled
  unshare -m bash -c "mount -t tmpfs -o size=64k tmpfs '$out' && echo 'an old report' >'$out/old.json' &&
    head -c 50000 /dev/zero >'$out/fill' 2>/dev/null; $1"
}
begin "disk full for -o: the old report stays, nothing left"
full_disk "timeout 60 '$ess' rank -f json '$work/many' -o '$out/old.json'; echo \$? >'$work/rc';
  cat '$out/old.json' >'$work/kept'; ls -A '$out' >'$work/left'" 2>"$err"
rc 3 "$(cat "$work/rc")"
says "$err" "old.json: cannot write: No space left on device"
check "the old report is intact" test "$(cat "$work/kept")" = "an old report"
check "nothing left beside it" test "$(sort "$work/left" | tr '\n' ' ')" = "fill old.json "
begin "disk full for -o, no /proc: the named fallback is removed too"
full_disk "umount -l /proc; timeout 60 '$ess' rank -f json '$work/many' -o '$out/old.json'; echo \$? >'$work/rc';
  cat '$out/old.json' >'$work/kept'; ls -A '$out' >'$work/left'" 2>"$err"
rc 3 "$(cat "$work/rc")"
says "$err" "old.json: cannot write: No space left on device"
check "the old report is intact" test "$(cat "$work/kept")" = "an old report"
check "nothing left beside it" test "$(sort "$work/left" | tr '\n' ' ')" = "fill old.json "

begin "TMPDIR full, missing, or not a folder: exit 3 naming it, never /tmp instead"
full_disk "TMPDIR='$out' ESS_EVAL_SPILL_BUDGET=1 timeout 60 '$ess' rank --quiet -f csv '$work/many' -o '$work/r.csv';
  echo \$? >'$work/rc'" 2>"$err"
rc 3 "$(cat "$work/rc")"
says "$err" "cannot write the temporary file in \$TMPDIR ($out): No space left on device"
check "no report written" test ! -e "$work/r.csv"
TMPDIR=$work/nowhere t "$ess" rank -f csv "$examples" >"$work/r.csv" 2>"$err"
rc 3 $?
says "$err" "cannot create a temporary file in \$TMPDIR ($work/nowhere): No such file or directory"
check "nothing on standard output" test ! -s "$work/r.csv"
TMPDIR=$work/ref.csv t "$ess" rank -f csv "$examples" --diagnostics json >/dev/null 2>"$err"
rc 3 $?
check "stderr is one JSON document" is_json "$err"
check "naming TMPDIR" test "$(last_json "$err" message)" = \
  "cannot create a temporary file in \$TMPDIR ($work/ref.csv): Not a directory"
rm -f "$work/r.csv"

begin "ulimit -s 64: every command"
grid=criteria/ess-citoyennete-economique.yaml
for cmd in "validate $examples" "score $examples" "rank $examples" "template" "grid show" \
  "grid diff $grid $grid" "grid test $grid" "grid impact $grid $grid $examples" \
  "sensitivity --samples 50 $examples" "schema dossier" "rank --jobs 1 $work/many"; do
  # shellcheck disable=SC2086
  timeout 60 "$ess" $cmd >"$work/normal" 2>/dev/null
  want=$?
  # shellcheck disable=SC2086
  bash -c "ulimit -s 64 && exec timeout 60 '$ess' $cmd" >"$work/small-stack" 2>"$err"
  got=$?
  if [ "$got" = "$want" ] && cmp -s "$work/normal" "$work/small-stack"; then ok; else
    bad "ulimit -s 64: $cmd: exit $got (normally $want), same output: $(cmp -s "$work/normal" "$work/small-stack" && echo yes || echo no)"
  fi
done

begin "ulimit -f: EFBIG is a message and exit 3, not SIGXFSZ"
# A ranking's rows spilled to temporary files fit in 6 KiB (about 4 KB, with the checkout's
# path in each); its 7 KB of JSON do not.
bash -c "ulimit -f 6 && exec timeout 60 '$ess' rank -f json '$examples' -o '$out/big.json'" 2>"$err"
rc 3 $?
says "$err" "big.json: cannot write: File too large"
bash -c "ulimit -f 6 && exec timeout 60 '$ess' rank -f json '$examples'" >"$out/stdout.json" 2>"$err"
rc 3 $?
says "$err" "cannot write to standard output: File too large"
# score keeps its reports in temporary files until they are in id order: they fail first.
bash -c "ulimit -f 8 && exec timeout 60 '$ess' score '$examples' -o '$out/big.md'" 2>"$err"
rc 3 $?
says "$err" "cannot write the temporary file in"
only "$out" stdout.json
rm -f "$out"/*

begin "ulimit -n: too few descriptors is a message and exit 3"
# Descriptors the test runner left open are closed first: the limit counts from 0-2 alone.
close_others='for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done'
# One descriptor past 0-2: rank's spill files (rows, refused files) cannot all be made.
bash -c "$close_others; ulimit -n 4 && exec timeout 60 '$ess' rank --jobs 1 -f csv '$examples'" >/dev/null 2>"$err"
rc 3 $?
says "$err" "ess-eval: error: cannot create a temporary file in"
says "$err" ": Too many open files"
# One more: the spill files are made, the folder being listed holds the last one: no dossier
# opens, and each says so.
bash -c "$close_others; ulimit -n 5 && exec timeout 60 '$ess' rank --jobs 1 -f csv '$examples'" >/dev/null 2>"$err"
rc 3 $?
says "$err" "2026-001-epicerie-soupe-aux-cailloux.yaml: error: cannot open: Too many open files [io-error]"
# One file at a time (--jobs 1: two workers would need two), and the batch's three spill files
# (records, ids, diagnostics): three descriptors past 0-2 are enough.
bash -c "$close_others; ulimit -n 6 && exec timeout 60 '$ess' validate --jobs 1 '$examples'" >/dev/null 2>"$err"
rc 0 $?

begin "ulimit -v: rank --jobs 2 degrades gracefully instead of spinning"
# The spin depends on how the two threads meet in malloc: three rounds to catch it.
for round in 1 2 3; do
  start=$SECONDS
  bash -c "ulimit -v 150000 && exec timeout 60 '$ess' rank -f json --quiet --jobs 2 '$work/many'" >"$work/r.json" 2>"$err"
  rc 0 $?
  same "$work/r.json" "$work/ref-many.json"
  check "round $round within 20 s (took $((SECONDS - start)) s)" test $((SECONDS - start)) -lt 20
done
bash -c "ulimit -v 12000 && exec timeout 60 '$ess' rank -f json --quiet --jobs 2 '$work/many'" >/dev/null 2>"$err"
rc 3 $?
says "$err" "ess-eval: error: out of memory"
rm -f "$work/r.json"

begin "threads the system refuses: fewer workers, a warning, the same report"
t "$ess" rank -f csv --jobs 99999999 "$examples" >"$work/r.csv" 2>"$err"
rc 0 $?
same "$work/r.csv" "$work/ref.csv"
# One process for the user (and `nobody` runs nothing else here): no thread can start.
t setpriv --reuid nobody --regid nogroup --clear-groups bash -c \
  "ulimit -u 1 && exec '$ess' rank -f csv --jobs 100 '$examples'" >"$work/r.csv" 2>"$err"
rc 0 $?
same "$work/r.csv" "$work/ref.csv"
says "$err" "ess-eval: warning: only 0 of the 100 worker threads asked for could start"
rm -f "$work/r.csv"

tree=$work/tree
mkdir -p "$tree/locked" "$tree/sub" "$tree/listed/inner"
cp "$examples/2026-001-epicerie-soupe-aux-cailloux.yaml" "$tree/"
cp "$examples/2026-002-ressourcerie-grenier-creusois.yaml" "$tree/locked/"
cp "$examples/2026-003-centrale-villageoise-monts-ambazac.yaml" "$tree/sub/"
cp "$examples/2026-006"*.yaml "$tree/listed/inner/"
chmod -R a+rX "$tree"
chmod 700 "$tree/locked" # nobody can neither list nor enter it
chmod 744 "$tree/listed" # nobody can list it, not enter it: its entries cannot be looked at

begin "unreadable subfolders (as nobody): io-error at each, the rest checked"
as_nobody() { setpriv --reuid nobody --regid nogroup --clear-groups timeout 60 "$ess" "$@"; }
as_nobody validate -v "$tree" >"$work/said" 2>"$err"
rc 3 $?
says "$err" "$tree/locked: error: cannot read folder: Permission denied [io-error]"
says "$err" "$tree/listed/inner: error: cannot look at this entry: Permission denied [io-error]"
says "$work/said" "2 file(s) checked"
as_nobody rank -f csv "$tree" >"$work/said" 2>"$err"
rc 3 $?
says "$err" "$tree/locked: error: cannot read folder: Permission denied [io-error]"
says "$err" "$tree/listed/inner: error: cannot look at this entry: Permission denied [io-error]"
check "two dossiers ranked" test "$(grep -c '^[0-9]' "$work/said")" = 2
chmod 755 "$tree/locked" "$tree/listed"

begin "a link to /, a loop of links, a path too long: said, never walked"
ln -s / "$tree/root"
ln -s loop "$tree/loop"
deep=$tree/deep
name=$(printf 'd%.0s' {1..200})
(mkdir "$deep" && cd "$deep" && for _ in $(seq 25); do mkdir "$name" && cd "$name" || exit; done)
start=$SECONDS
t "$ess" validate "$tree" >/dev/null 2>"$err"
rc 3 $?
check "within 10 s" test $((SECONDS - start)) -lt 10
says "$err" "$tree/root: warning: a link to a folder outside the folders given (/): not followed"
says "$err" "$tree/loop: error: cannot look at this entry: too many levels of symbolic links"
says "$err" "the path is too long for the system (over PATH_MAX bytes) [io-error]"
rm -rf "$deep" "$tree/loop"
t "$ess" rank -f csv "$tree" >/dev/null 2>"$err"
rc 0 $?
says "$err" "[link-not-followed]"
rm "$tree/root"
mkdir "$work/elsewhere"
cp "$examples/2026-004"*.yaml "$work/elsewhere/"
ln -s ../elsewhere "$tree/away"
t "$ess" validate -v --follow "$tree" >"$work/said" 2>"$err"
rc 0 $?
says "$work/said" "$tree/away/2026-004"
rm "$tree/away"

begin "file names with a newline, an escape sequence and Latin-1 bytes"
names=$work/names
mkdir "$names"
printf 'dossier: [\n' >"$names/$(printf 'new\nline \033[31m caf\351.yaml')"
t "$ess" validate "$names" 2>"$err"
rc 1 $?
says "$err" "$names/new\\nline \\x1b[31m caf\\xE9.yaml:1:10: error:"
check "one line for one diagnostic" test "$(wc -l <"$err")" = 1
t "$ess" validate "$names" --diagnostics json 2>"$err"
rc 1 $?
check "valid JSON in UTF-8, U+FFFD for the Latin-1 byte" test \
  "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1], encoding="utf-8"))[0]["file"].endswith("caf\ufffd.yaml"))' "$err")" = True
t "$ess" validate "$names" --diagnostics github 2>"$err"
rc 1 $?
says "$err" "::error file=${names//\//\/}/new%0Aline \\x1b[31m caf\\xE9.yaml,line=1,col=10,"

begin "kill -9, SIGTERM, SIGINT, SIGHUP during rank -o: no partial file, no temporary left"
mkdir "$out/signals"
for sig in SIGKILL SIGTERM; do
  python3 "$faults/signals.py" "$ess" "$work/many" "$out/signals/r.json" "$work/ref-many.json" $sig 4
  rc 0 $?
  python3 "$faults/signals.py" "$ess" "$work/many" "$out/signals/r.json" "$work/ref-many.json" $sig 2 --replace
  rc 0 $?
done
# Without /proc the temporary file has a name: the handlers remove it (SIGKILL cannot be caught).
for sig in SIGTERM SIGINT SIGHUP; do
  unshare -m bash -c "umount -l /proc && exec python3 '$faults/signals.py' '$ess' '$work/many' '$out/signals/r.json' '$work/ref-many.json' $sig 2 --replace"
  rc 0 $?
done
rm -rf "$out/signals"

begin "two concurrent writers: one whole report or the other, nothing left"
"$ess" rank -f json --quiet "$examples" -o "$work/ref-small.json" 2>/dev/null
for round in 1 2 3; do
  t "$ess" rank -f json --quiet "$work/many" -o "$out/r.json" 2>/dev/null &
  first=$!
  t "$ess" rank -f json --quiet "$examples" -o "$out/r.json" 2>/dev/null &
  second=$!
  wait $first
  rc 0 $?
  wait $second
  rc 0 $?
  if cmp -s "$out/r.json" "$work/ref-many.json" || cmp -s "$out/r.json" "$work/ref-small.json"; then ok; else
    bad "round $round: r.json is neither writer's report"
  fi
  only "$out" r.json
done

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
