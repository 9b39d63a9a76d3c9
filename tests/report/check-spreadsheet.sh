#!/usr/bin/env bash
# The CSV of --spreadsheet read as the usual office suite reads it (issue 13, item 4): LibreOffice
# Calc opens the ranking of the examples, in French (';', decimal comma, French locale) and in
# English (',', '.', English locale), and saves it as .xlsx; the cells must be numbers where
# the report has numbers (totals, amounts), text where it has text, accents intact, headers in
# the report's language. The byte-order mark, which Excel needs to read UTF-8, is checked on
# the bytes. Fails when LibreOffice is missing (CI installs libreoffice-calc-nogui).
# Usage: check-spreadsheet.sh ESS_EVAL REPO_ROOT
set -u
ess=$1 root=$2
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v soffice >/dev/null; then
  echo "FAIL: soffice is not installed (CI installs it: apt-get install -y libreoffice-calc-nogui)"
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root" || exit 1
status=0
fail() { echo "FAIL: $*"; status=1; }

# open NAME SEPARATOR_CODE LOCALE_ID: Calc imports $work/NAME.csv (UTF-8) and saves NAME.xlsx;
# prints its cells.
open_in_calc() {
  timeout 120 soffice --headless --norestore "-env:UserInstallation=file://$work/profile" \
    --infilter="CSV:$2,34,76,1,,$3" --convert-to xlsx --outdir "$work" "$work/$1.csv" \
    >"$work/$1.log" 2>&1 || { fail "$1: soffice failed: $(cat "$work/$1.log")"; return; }
  python3 "$here/read_xlsx.py" "$work/$1.xlsx" >"$work/$1.cells" || fail "$1: unreadable xlsx"
}

# cell NAME REF TYPE VALUE: the cell holds that value, as a number (n) or as text (s).
cell() {
  local got
  got=$(awk -F'\t' -v r="$2" '$1 == r {print $2 "\t" $3}' "$work/$1.cells")
  [ "$got" = "$3	$4" ] || fail "$1: cell $2 is '${got//	/ }', not '$3 $4'"
}

examples=examples/dossiers
"$ess" rank --spreadsheet $examples >"$work/fr.csv" 2>/dev/null
"$ess" rank --spreadsheet --lang en $examples >"$work/en.csv" 2>/dev/null
for name in fr en; do
  [ "$(head -c 3 "$work/$name.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] ||
    fail "$name: no UTF-8 byte-order mark"
done
open_in_calc fr 59 1036 # ';', French (France)
open_in_calc en 44 2057 # ',', English (United Kingdom)

# Row 2 is 2026-001, first of the ranking: 86,8 / 100, 25 000 € requested (rank-example-md).
cell fr A1 s "Rang"
cell fr C1 s "Titre"
cell fr D1 s "Total"
cell fr K1 s "Montant demandé"
cell fr A2 n 1
cell fr C2 s "Épicerie solidaire La Soupe aux Cailloux"
cell fr D2 n 86.8
cell fr G2 n 83.3
cell fr K2 n 25000
cell en A1 s "Rank"
cell en D1 s "Total"
cell en C2 s "Épicerie solidaire La Soupe aux Cailloux"
cell en D2 n 86.8
cell en K2 n 25000
# Every total of the French sheet is a number: none stayed text for want of a decimal point.
texts=$(awk -F'\t' '$1 ~ /^D[0-9]+$/ && $1 != "D1" && $2 == "s"' "$work/fr.cells" | wc -l)
[ "$texts" -eq 0 ] || fail "fr: $texts totals read as text"

[ $status -eq 0 ] && echo "ok: rank --spreadsheet opens in LibreOffice Calc with numbers as numbers, in French and English"
exit $status
