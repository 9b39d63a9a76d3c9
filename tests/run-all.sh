#!/usr/bin/env bash
# Builds ess-eval and runs every test: unit, end-to-end, reports, schemas, man page, CI example,
# then the whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer.
# Installs missing Debian packages when run as root (see .ci/deps.sh). Exit 0 only if all pass.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. .ci/deps.sh
ess_require_packages test

# ajv-cli (JSON Schema validator) from the npm registry, into a cache folder of the build.
ajv_dir=$root/build/tools/ajv
if [ ! -x "$ajv_dir/node_modules/.bin/ajv" ]; then
  mkdir -p "$ajv_dir"
  npm install --silent --no-audit --no-fund --prefix "$ajv_dir" ajv-cli@5 ajv-formats@2 >/dev/null
fi
export ESS_AJV="$ajv_dir/node_modules/.bin/ajv"

# tableschema (Frictionless Table Schema for JavaScript), for the SCDL export's test (tests/scdl/).
tableschema_dir=$root/build/tools/tableschema
if [ ! -f "$tableschema_dir/node_modules/tableschema/package.json" ]; then
  mkdir -p "$tableschema_dir"
  npm install --silent --no-audit --no-fund --prefix "$tableschema_dir" tableschema@1.12.6 >/dev/null
fi
export ESS_TABLESCHEMA="$tableschema_dir"

jobs=$(nproc)
# -g1: line tables only, enough for a backtrace; full debug info made the build a fifth slower.
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DESS_WERROR=ON \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" >/dev/null
cmake --build build -j "$jobs"
(cd build && ctest --output-on-failure -j "$jobs")

if [ "${ESS_SKIP_SANITIZE:-0}" != 1 ]; then
  tests/sanitize.sh
fi
