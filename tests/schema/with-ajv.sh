#!/usr/bin/env bash
# Runs check-schemas.sh with ajv-cli: $ESS_AJV, else a copy cached under the build folder,
# installed from the npm registry on first use. Fails (never skips) when none can be had.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
ajv=${ESS_AJV:-$build/tools/ajv/node_modules/.bin/ajv}
if [ ! -x "$ajv" ]; then
  command -v npm >/dev/null || { echo "npm is missing: cannot install ajv-cli"; echo "0 passed, 1 failed"; exit 1; }
  npm install --silent --no-audit --no-fund --prefix "$build/tools/ajv" ajv-cli@5 ajv-formats@2 >/dev/null
  ajv=$build/tools/ajv/node_modules/.bin/ajv
fi
exec bash "$root/tests/schema/check-schemas.sh" "$ajv" "$root"
