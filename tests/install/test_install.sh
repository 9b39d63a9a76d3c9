#!/usr/bin/env bash
# Installs ess-eval into a scratch prefix, then builds the .deb and unpacks it into a scratch
# root; in both, the installed binary must find its grids, man page and completion.
set -u
build=$1 root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() {  # check NAME COMMAND...
  local name=$1; shift
  if out=$("$@" 2>&1); then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL $name"; echo "$out" | head -20; fi
}

installed_checks() {  # installed_checks LABEL PREFIX
  local label=$1 prefix=$2
  check "$label: --version names the built-in grid" \
    bash -c "'$prefix/bin/ess-eval' --version | grep -q 'ess-eval .* (built-in grid ess-citoyennete-economique@'"
  check "$label: grids installed" test -f "$prefix/share/ess-eval/criteria/ess-economic-citizenship.yaml"
  check "$label: calibration dossiers installed" test -d "$prefix/share/ess-eval/criteria/ess-citoyennete-economique.calibration"
  check "$label: schemas installed" test -f "$prefix/share/ess-eval/schemas/dossier.schema.json"
  check "$label: man page installed" test -f "$prefix/share/man/man1/ess-eval.1"
  check "$label: the officers' guide installed" test -f "$prefix/share/doc/ess-eval/guide-instruction.md"
  check "$label: bash completion installed" test -f "$prefix/share/bash-completion/completions/ess-eval"
  # From a folder with no ./criteria: the English grid comes from the installed files.
  mkdir -p "$work/elsewhere"
  cp "$root"/criteria/ess-economic-citizenship.calibration/c1-*.yaml "$work/elsewhere/d.yaml"
  check "$label: a dossier validates against an installed grid" \
    bash -c "cd '$work/elsewhere' && '$prefix/bin/ess-eval' validate --verbose d.yaml | grep -q 'against ess-economic-citizenship@'"
  check "$label: validate the shipped examples with the installed binary" \
    bash -c "cd '$root' && '$prefix/bin/ess-eval' validate criteria examples/dossiers"
}

# 1. cmake --install into a scratch prefix
check "cmake --install" cmake --install "$build" --prefix "$work/prefix"
installed_checks "cmake --install" "$work/prefix"

# 2. the Debian package, unpacked into a scratch root
check "cpack builds a .deb" bash -c "cd '$build' && cpack -G DEB -B '$work/deb' >/dev/null"
deb=$(ls "$work"/deb/*.deb 2>/dev/null | head -1)
if [ -n "$deb" ]; then
  check ".deb depends on the yaml-cpp runtime" bash -c "dpkg-deb -f '$deb' Depends | grep -q libyaml-cpp0.7"
  check ".deb unpacks" dpkg-deb -x "$deb" "$work/debroot"
  installed_checks ".deb" "$work/debroot/usr"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
