#!/usr/bin/env bash
# The "§2 → file and function" table of ARCHITECTURE.md, checked against the code: every file
# it names exists and defines every function (or class) it names, so the map cannot drift.
# Usage: check-rule-table.sh REPO_ROOT
set -u
root=$1
cd "$root" || exit 1
status=0 rows=0
while IFS='|' read -r _ rule file functions _; do
  file=$(echo "$file" | tr -d ' `')
  [[ $file == src/* ]] || continue
  rows=$((rows + 1))
  if [ ! -f "$file" ]; then
    echo "FAIL: ARCHITECTURE.md names $file, which does not exist"
    status=1
    continue
  fi
  for name in $(echo "$functions" | grep -o '`[^`]*`' | tr -d '`'); do
    short=${name##*::}
    grep -Eq "(^|[^A-Za-z0-9_])$short([^A-Za-z0-9_]|$)" "$file" ||
      { echo "FAIL: ARCHITECTURE.md says $file has $name"; status=1; }
  done
done < <(sed -n '/^## §2 → file and function/,/^## /p' ARCHITECTURE.md)
[ "$rows" -gt 10 ] || { echo "FAIL: only $rows rows read from the §2 table"; status=1; }
[ $status -eq 0 ] && echo "ok: $rows rows of the §2 table match the code"
exit $status
