#!/usr/bin/env bash
# Sourced by the Quick start scripts: makes sure the Debian packages ess-eval needs are there.
# As root it installs what is missing; otherwise it prints the one apt-get line to run.
# Usage: ess_require_packages build|test
ess_packages_build=(cmake ninja-build g++ libcli11-dev libyaml-cpp-dev libfmt-dev catch2)
ess_packages_test=(pandoc python3 python3-yaml groff-base nodejs clang libclang-rt-14-dev zsh chromium
  poppler-utils libreoffice-calc-nogui)

ess_require_packages() {
  local wanted=("${ess_packages_build[@]}")
  [ "${1:-build}" = test ] && wanted+=("${ess_packages_test[@]}")
  local missing=()
  for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  # npm ships inside some nodejs builds (NodeSource's) and as its own package in Debian's.
  [ "${1:-build}" = test ] && ! command -v npm >/dev/null && missing+=(npm)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing: ${missing[*]}" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  else
    echo "Missing packages. Run:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    return 1
  fi
}
