#!/usr/bin/env bash
# Writes big hostile inputs into DIR at test time (files over 100 KB are never committed).
#   tests/hostile/make.sh DIR NAME...
# Each NAME below writes DIR/NAME.yaml (or DIR/NAME/ for the folders). Only coreutils and awk.
set -euo pipefail
dir=$1
shift
mkdir -p "$dir"
root=$(cd "$(dirname "$0")/../.." && pwd)
dossier=$root/examples/dossiers/2026-001-epicerie-soupe-aux-cailloux.yaml

repeat() {  # repeat COUNT TEXT: TEXT written COUNT times, without a line end
  head -c "$1" /dev/zero | tr '\0' "$2"
}

for name in "$@"; do
  out=$dir/$name.yaml
  case $name in
    big-file)  # 9 MiB: over the default limit of 8 MiB
      { printf 'dossier: big\ntitle: '; repeat $((9 * 1024 * 1024)) a; printf '\n'; } >"$out" ;;
    deep-brackets)  # 100 000 '[': yaml-cpp's own guard is 500 levels deep, ours 64
      { printf 'dossier: deep\nx-deep: '; repeat 100000 '['; } >"$out" ;;
    top-level-list)  # 8 MiB of "a, a, ...": yaml-cpp buffered it all (860 MB) before refusing
      { printf '['; repeat $((8 * 1024 * 1024 / 3 - 1)) '@' | sed 's/@/a, /g'; printf ']\n'; } >"$out" ;;
    deep-maps)  # 100 000 '{a: '
      awk 'BEGIN { for (i = 0; i < 100000; i++) printf "{a: " }' >"$out" ;;
    million-keys)  # 10^6 keys: 2 values each, over the limit of 10^6 values
      awk 'BEGIN { for (i = 1; i <= 1000000; i++) printf "k%d: 1\n", i }' >"$out" ;;
    long-string)  # one value of 2 MiB, over the limit of 1 MiB
      { printf 'dossier: long\ntitle: '; repeat $((2 * 1024 * 1024)) x; printf '\n'; } >"$out" ;;
    long-version)  # a 200 000-digit version: std::regex once overflowed its stack on it
      { printf 'grid: g\nversion: '; repeat 200000 1
        printf '.0.0\ntitle: T\nscales: {s: {type: yesno}}\ncriteria:\n  - {id: a, title: A, scale: s}\n'
        printf 'decision:\n  - {min: 0, label: X}\n'; } >"$out" ;;
    long-key)  # an unknown key of 1 MiB (explicit, '? key'): no minutes of "did you mean"
      { printf 'dossier: x\ntitle: t\ngrid: ess-citoyennete-economique\nassessments: []\n? '
        repeat $((1024 * 1024)) t; printf '\n: 1\n'; } >"$out" ;;
    long-plain-key)  # a plain key over 1024 characters: YAML's own limit for implicit keys
      { printf 'dossier: x\n'; repeat 2000 t; printf ': 1\n'; } >"$out" ;;
    fact-chain)  # 1500 facts, each the sum of the next: a recursion 1500 deep, refused
      awk 'BEGIN {
        print "grid: chain\nversion: 1.0.0\ntitle: T\nfacts:"
        for (i = 0; i < 1500; i++) printf "  - {id: f%d, sum: [f%d]}\n", i, i + 1
        print "  - {id: f1500}\ncriteria:\n  - {id: a, title: A, from: f0}"
        print "decision:\n  - {min: 0, label: X}" }' >"$out" ;;
    many-criteria)  # 2000 leaves
      awk 'BEGIN {
        print "grid: wide\nversion: 1.0.0\ntitle: T\nscales:\n  s: {type: yesno}\ncriteria:"
        for (i = 0; i < 2000; i++) printf "  - {id: c%d, title: C, scale: s}\n", i
        print "decision:\n  - {min: 0, label: X}" }' >"$out" ;;
    symlink-loop)  # a folder holding a link to itself, a link to its parent, a dangling link
      rm -rf "${dir:?}/$name"
      mkdir -p "$dir/$name/sub"
      cp "$dossier" "$dir/$name/sub/dossier.yaml"
      ln -s loop.yaml "$dir/$name/loop.yaml"
      ln -s .. "$dir/$name/sub/up"
      ln -s nowhere.yaml "$dir/$name/dangling.yaml" ;;
    fifo)  # a named pipe nobody writes to
      rm -f "$out"
      mkfifo "$out" ;;
    *)
      echo "make.sh: unknown input '$name'" >&2
      exit 2 ;;
  esac
done
