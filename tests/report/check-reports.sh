#!/usr/bin/env bash
# Checks that `ess-eval score` reports survive their readers (§4):
#  - Markdown: pandoc (its own Markdown reader, the one whose pipe tables carry relative column
#    widths) -t html and -t docx keep every table and every heading, and Word gets a criteria
#    table whose evidence column is the widest;
#  - CSV: Python's csv module reads every row with the header's 14 columns and numbers;
#  - JSON: Python's json module reads it.
# Usage: check-reports.sh ESS_EVAL REPO_ROOT. Fails when pandoc or python3 is missing.
set -u
ess=$1 root=$2
here=$(cd "$(dirname "$0")" && pwd)
for tool in pandoc python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "FAIL: $tool is not installed (CI installs it: apt-get install -y pandoc python3)"
    exit 1
  fi
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root" || exit 1
status=0
fail() { echo "FAIL: $*"; status=1; }

check_markdown() {  # name, markdown file
  local name=$1 md=$2 tables headings html_tables docx_tables
  tables=$(grep -c '^|---' "$md")
  headings=$(grep -c '^#' "$md")
  pandoc -f markdown -t html "$md" -o "$work/$name.html" || { fail "$name: pandoc html"; return; }
  html_tables=$(grep -o '<table[ >]' "$work/$name.html" | wc -l)
  [ "$tables" -gt 0 ] || fail "$name: no table in the Markdown"
  [ "$html_tables" -eq "$tables" ] || fail "$name: $tables tables in Markdown, $html_tables in HTML"
  [ "$(grep -o '<h[1-6]' "$work/$name.html" | wc -l)" -eq "$headings" ] ||
    fail "$name: headings lost in HTML"
  grep -q '^|' "$work/$name.html" && fail "$name: a table row survived as text in HTML"
  pandoc -f markdown -t docx "$md" -o "$work/$name.docx" || { fail "$name: pandoc docx"; return; }
  docx_tables=$(python3 "$here/count_docx_tables.py" "$work/$name.docx") ||
    { fail "$name: unreadable docx"; return; }
  [ "$docx_tables" -eq "$tables" ] || fail "$name: $tables tables in Markdown, $docx_tables in docx"
}

n=0
for dossier in examples/dossiers/*.yaml; do
  name=$(basename "$dossier" .yaml)
  for lang in fr en; do
    "$ess" score --lang "$lang" "$dossier" >"$work/$name.$lang.md" 2>/dev/null ||
      fail "$name: score --lang $lang exited $?"
    check_markdown "$name.$lang" "$work/$name.$lang.md"
  done
  python3 "$here/docx_widths.py" "$work/$name.fr.docx" "Critère" "Pièces justificatives" >/dev/null ||
    fail "$name: $(python3 "$here/docx_widths.py" "$work/$name.fr.docx" "Critère" "Pièces justificatives")"
  "$ess" score --format csv "$dossier" >"$work/$name.csv" 2>/dev/null || fail "$name: csv"
  "$ess" score --format csv --csv-sep ';' "$dossier" >"$work/$name.semi.csv" 2>/dev/null ||
    fail "$name: csv ;"
  "$ess" score --format json "$dossier" >"$work/$name.json" 2>/dev/null || fail "$name: json"
  python3 "$here/check_csv.py" , "$work/$name.csv" || fail "$name: csv"
  python3 "$here/check_csv.py" ';' "$work/$name.semi.csv" || fail "$name: csv with ;"
  python3 -c 'import json, sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$work/$name.json" ||
    fail "$name: json"
  n=$((n + 1))
done

# All together: reports between rules, one CSV header, one JSON array.
"$ess" score examples/dossiers >"$work/all.md" 2>/dev/null
check_markdown all "$work/all.md"
rules=$(grep -o '<hr />' "$work/all.html" | wc -l)
[ "$rules" -eq $((n - 1)) ] || fail "all: $rules rules between $n reports"
"$ess" score --format csv examples/dossiers >"$work/all.csv" 2>/dev/null
python3 "$here/check_csv.py" , "$work/all.csv" || fail "all: csv"
"$ess" score --format json examples/dossiers >"$work/all.json" 2>/dev/null
python3 -c 'import json, sys; d = json.load(open(sys.argv[1], encoding="utf-8")); assert isinstance(d, list) and len(d) == int(sys.argv[2])' \
  "$work/all.json" "$n" || fail "all: json array"

python3 "$here/docx_widths.py" "$work/2026-001-epicerie-soupe-aux-cailloux.fr.docx" "Critère" "Pièces justificatives"
[ $status -eq 0 ] && echo "ok: $n dossiers, Markdown through pandoc (html, docx, column widths), CSV and JSON read back"
exit $status
