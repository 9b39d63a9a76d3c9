#!/usr/bin/env bash
# The committee's pack and the public account of the shipped examples, in a real browser:
# written by `ess-eval pack` (and the letters by `ess-eval letter`), printed to A4 PDF by
# headless Chromium, read back with poppler. Checks that a committee member gets what spec §7 promises:
#   - the HTML is self-contained: it parses, and holds no script, no http(s): reference, no
#     external href/src/url(), no <link>, no @import;
#   - the pack prints to at least 2 + one page per dossier, and its text (pdftotext) holds
#     every dossier id, the funding line and a chart's text equivalent for every dossier;
#   - the public account names no assessor and no application that was not funded;
#   - the Markdown pack and the letters convert to Word with pandoc.
# Usage: check-pack.sh ESS_EVAL SOURCE_DIR OUT_DIR   (exit 77: a tool is missing)
set -euo pipefail
ess=$1 src=$2 out=$3
for t in chromium pdfinfo pdftotext python3; do
  command -v "$t" >/dev/null || { echo "SKIP: $t is not installed (.ci/deps.sh installs it)"; exit 77; }
done
rm -rf "$out" && mkdir -p "$out"
budget=120000
# The command as a committee secretary would run it, from the project's folder: every dossier
# of examples/dossiers, no call, one funding line.
(
  cd "$src"
  for audience in committee public; do
    name=pack; [ $audience = public ] && name=public
    "$ess" pack --budget $budget --audience $audience -o "$out/$name.html" examples/dossiers
    "$ess" pack --budget $budget --audience $audience --format md -o "$out/$name.md" examples/dossiers
  done 2>"$out/pack.err"
  printf 'sender: Région Nouvelle-Aquitaine — Service ESS\nsignature: La cheffe du service ESS\nplace: Limoges\n' \
    >"$out/letterhead.yaml"
  "$ess" letter --letterhead "$out/letterhead.yaml" --date 2026-06-15 --out-dir "$out/letters" \
    examples/dossiers 2>>"$out/pack.err"
) || { cat "$out/pack.err"; echo "FAIL: ess-eval pack or letter failed"; exit 1; }

fail=0
die() { echo "FAIL: $*"; fail=1; }

print_pdf() {  # HTML -> PDF, with a profile of its own and nothing fetched
  local profile; profile=$(mktemp -d)
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" \
    --print-to-pdf="$2" --no-pdf-header-footer "$1" >"$out/chromium.log" 2>&1 || true
  rm -rf "$profile"
  [ -s "$2" ] || { cat "$out/chromium.log"; die "Chromium printed nothing for $1"; return 1; }
}

# ---------------------------------------------------------------- self-contained HTML
for f in pack.html public.html; do
  python3 "$src/tests/documents/check_html.py" "$out/$f" || die "$f is not self-contained"
done

# ---------------------------------------------------------------- the committee's pack in print
dossiers=$(ls "$src"/examples/dossiers/*.yaml | wc -l)
ids=$(python3 -c 'import sys,yaml
for p in sys.argv[1:]: print(yaml.safe_load(open(p, encoding="utf-8"))["dossier"])' "$src"/examples/dossiers/*.yaml)
if print_pdf "$out/pack.html" "$out/pack.pdf"; then
  pages=$(pdfinfo "$out/pack.pdf" | awk '/^Pages:/ {print $2}')
  size=$(pdfinfo "$out/pack.pdf" | awk -F': *' '/^Page size:/ {print $2}')
  echo "pack.pdf: $pages pages ($size) for $dossiers dossiers"
  [ "$pages" -ge $((dossiers + 2)) ] || die "pack.pdf has $pages pages, fewer than summary + ranking + $dossiers dossiers"
  case $size in *A4*) ;; *) die "pack.pdf is not A4: $size" ;; esac
  pdftotext "$out/pack.pdf" "$out/pack.txt"
  # pdftotext may break a line anywhere: compare with spaces and line ends removed.
  flat=$(sed 's/\xc2\xa0//g; s/\xe2\x80\xaf//g' "$out/pack.txt" | tr -d ' \n\f')
  for id in $ids; do
    [[ $flat == *"$id"* ]] || die "dossier $id is not in the printed pack"
  done
  [[ $flat == *"Lignedefinancement"* ]] || die "the funding line is not in the printed pack"
  n_profiles=$(grep -c "Profil du dossier" "$out/pack.txt" || true)
  [ "$n_profiles" -eq "$dossiers" ] || die "$n_profiles profile charts printed, $dossiers dossiers"
fi
n_svg=$(grep -o '<svg class="chart"' "$out/pack.html" | wc -l)
n_desc=$(grep -o '<desc id=' "$out/pack.html" | wc -l)
[ "$n_svg" -ge $((2 * dossiers)) ] || die "$n_svg charts for $dossiers dossiers (profile + resources each)"
[ "$n_svg" -eq "$n_desc" ] || die "$n_svg charts but $n_desc text equivalents"

# ---------------------------------------------------------------- the public account
python3 "$src/tests/documents/check_public.py" "$src" "$out" "$budget" || die "the public account names what it must not"
print_pdf "$out/public.html" "$out/public.pdf" && echo "public.pdf: $(pdfinfo "$out/public.pdf" | awk '/^Pages:/ {print $2}') pages"

# ---------------------------------------------------------------- Markdown for pandoc (Word)
if command -v pandoc >/dev/null; then
  pandoc -f markdown -o "$out/pack.docx" "$out/pack.md" || die "pandoc cannot convert pack.md"
  pandoc -f markdown -o "$out/public.docx" "$out/public.md" || die "pandoc cannot convert public.md"
  for letter in "$out"/letters/*.md; do
    pandoc -f markdown -o "${letter%.md}.docx" "$letter" || die "pandoc cannot convert $letter"
  done
  [ -s "$out/pack.docx" ] || die "pack.docx is empty"
fi

[ $fail -eq 0 ] && echo "documents: all checks passed"
exit $fail
