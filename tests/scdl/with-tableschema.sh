#!/usr/bin/env bash
# Runs check-scdl.sh with the npm package `tableschema` (Frictionless Table Schema for
# JavaScript): $ESS_TABLESCHEMA (a folder holding node_modules/tableschema), else a copy cached
# under the build folder, installed from the npm registry on first use (tests/run-all.sh
# installs it before the tests). Fails (never skips) when none can be had.
#   tests/scdl/with-tableschema.sh SCDL_EXPORT [BUILD [ESS_EVAL]]
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
export_bin=$1
build=${2:-$root/build}
ess=${3:-}
dir=${ESS_TABLESCHEMA:-$build/tools/tableschema}
if [ ! -f "$dir/node_modules/tableschema/package.json" ]; then
  command -v npm >/dev/null || { echo "npm is missing: cannot install tableschema"; echo "0 passed, 1 failed"; exit 1; }
  mkdir -p "$dir"
  npm install --silent --no-audit --no-fund --prefix "$dir" tableschema@1.12.6 >/dev/null
fi
exec bash "$root/tests/scdl/check-scdl.sh" "$export_bin" "$dir" "$root" $ess
