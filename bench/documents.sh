#!/usr/bin/env bash
# Measures the documents for people (issue 15, item 5) on synthetic corpora of the built-in grid
# (bench/gen_dossiers.py):
#   - `pack` of a PACK_SIZES-dossier call (1 000 by default, and 4 000 for the memory check),
#     HTML, --budget, --jobs 2: time against `rank` on the same corpus (the pack reads each
#     dossier twice: once to rank it, once for its page), peak RSS (flat: the pages are written
#     as they are rendered), the size of the file; then Chromium prints it to PDF (pages, time);
#   - `letter --out-dir` over LETTER_SIZE dossiers (10 000 by default), --jobs 2: CPU per dossier
#     against `score --out-dir` (the same parse and scoring, a letter instead of a report), and
#     peak RSS.
#
#   bench/documents.sh                         # Release build in build-bench
#   PACK_SIZES="1000" LETTER_SIZE=1000 REPEAT=1 SKIP_BUILD=1 BUILD=build bench/documents.sh
#   PACK_SIZES="1000 4000" LETTER_SIZE=0 PRINT=0 ... # pack's memory only: no letters, no Chromium
#
# Targets: pack's peak RSS grows less than 10 % from the first to the last PACK_SIZES; pack's
# CPU at most about twice rank's (two parses) plus its rendering; Chromium prints the pack;
# letter's CPU per dossier no more than score --out-dir's.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build-bench}
[[ $build = /* ]] || build=$root/$build
repeat=${REPEAT:-3}
pack_sizes=${PACK_SIZES-1000 4000}
letter_size=${LETTER_SIZE-10000}
print=${PRINT-1}
[[ $print = 0 ]] && print=            # PRINT=0 (or empty): no Chromium
[[ $letter_size = 0 ]] && letter_size=  # LETTER_SIZE=0 (or empty): no letters

if [[ -z ${SKIP_BUILD:-} ]]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" --target ess-eval >/dev/null
fi
ess=$build/ess-eval
work=$(mktemp -d "${TMPDIR:-/tmp}/ess-bench-docs.XXXXXX")
trap 'rm -rf "$work"' EXIT

# once LABEL DIR CMD...: one run under /usr/bin/time -v; keeps the best wall time (with its CPU
# time) and the highest peak RSS per label.
declare -A best_wall best_cpu max_rss
once() {
  local label=$1 dir=$2
  shift 2
  (cd "$dir" && /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt") ||
    { echo "  ($label exited with an error:)" >&2; grep -v warning "$work/stderr.txt" | head -3 >&2; }
  local w u s m
  w=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0;
        for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$work/time.txt")
  u=$(awk -F': ' '/User time/ {print $2}' "$work/time.txt")
  s=$(awk -F': ' '/System time/ {print $2}' "$work/time.txt")
  m=$(awk -F': ' '/Maximum resident/ {print $2}' "$work/time.txt")
  if [[ -z ${best_wall[$label]:-} ]] ||
    awk -v a="$w" -v b="${best_wall[$label]}" 'BEGIN {exit !(a < b)}'; then
    best_wall[$label]=$w
    best_cpu[$label]=$(awk -v u="$u" -v s="$s" 'BEGIN {printf "%.2f", u + s}')
  fi
  if [[ -z ${max_rss[$label]:-} ]] || ((m > max_rss[$label])); then max_rss[$label]=$m; fi
}

show() {  # show LABEL N
  local label=$1 n=$2
  printf '  %-26s wall %7.2f s  cpu %7.2f s (%6.3f ms a dossier)  peak RSS %6.1f MiB\n' "$label" \
    "${best_wall[$label]}" "${best_cpu[$label]}" \
    "$(awk -v c="${best_cpu[$label]}" -v n="$n" 'BEGIN {print 1000 * c / n}')" \
    "$(awk -v k="${max_rss[$label]}" 'BEGIN {print k / 1024}')"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
corpus() {  # corpus N: the folder of N dossiers
  local dir=$work/corpus-$1
  [[ -d $dir ]] || python3 "$root/bench/gen_dossiers.py" --count "$1" --out "$dir" --seed 1 >/dev/null
  echo "$dir"
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); best of $repeat rounds"

# ---------------------------------------------------------------- pack
declare -A pack_rss
for n in $pack_sizes; do
  dir=$(corpus "$n")
  budget=$((n * 10000))  # about a third of the requests
  echo
  echo "pack of $n dossiers (--budget $budget, --jobs 2)"
  for ((r = 0; r < repeat; r++)); do
    once "rank $n" "$dir" "$ess" rank --jobs 2 --quiet --budget "$budget" .
    once "pack $n" "$dir" "$ess" pack --jobs 2 --quiet --budget "$budget" -o "$work/pack-$n.html" .
  done
  show "rank $n" "$n"
  show "pack $n" "$n"
  pack_rss[$n]=${max_rss[pack $n]}
  echo "  pack / rank: $(ratio "${best_cpu[pack $n]}" "${best_cpu[rank $n]}")× cpu" \
    "(target: about 2× — each dossier parsed twice — plus the rendering);" \
    "HTML $(du -k "$work/pack-$n.html" | cut -f1) KB"
  if [[ -n $print ]] && command -v chromium >/dev/null && command -v pdfinfo >/dev/null; then
    profile=$(mktemp -d)
    start=$(date +%s.%N)
    chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
      --disable-component-update --disable-sync --user-data-dir="$profile" \
      --print-to-pdf="$work/pack-$n.pdf" --no-pdf-header-footer "$work/pack-$n.html" \
      >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    rm -rf "$profile"
    if [[ -s $work/pack-$n.pdf ]]; then
      echo "  Chromium: $(pdfinfo "$work/pack-$n.pdf" | awk '/^Pages:/ {print $2}') A4 pages in" \
        "$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.1f", b - a}') s"
    else
      echo "  Chromium printed nothing"
    fi
  fi
done
set -- $pack_sizes
if (($# >= 2)); then
  small=$1 large=${!#}
  echo "  pack peak RSS, $small → $large dossiers:" \
    "$(awk -v k="${pack_rss[$small]}" 'BEGIN {printf "%.1f", k / 1024}') →" \
    "$(awk -v k="${pack_rss[$large]}" 'BEGIN {printf "%.1f", k / 1024}') MiB" \
    "($(awk -v a="${pack_rss[$small]}" -v b="${pack_rss[$large]}" 'BEGIN {printf "%+.0f", 100 * (b - a) / a}') %; target ≤ +10 %)"
fi

# ---------------------------------------------------------------- letters
if [[ -n $letter_size ]]; then
  n=$letter_size
  dir=$(corpus "$n")
  echo
  echo "letter --out-dir over $n dossiers, against score --out-dir (--jobs 2)"
  for ((r = 0; r < repeat; r++)); do
    rm -rf "$work/reports" "$work/letters" && mkdir -p "$work/reports"
    once "score --out-dir $n" "$dir" "$ess" score --jobs 2 --quiet --out-dir "$work/reports" .
    once "letter --out-dir $n" "$dir" "$ess" letter --jobs 2 --quiet --date 2026-06-15 \
      --out-dir "$work/letters" .
  done
  show "score --out-dir $n" "$n"
  show "letter --out-dir $n" "$n"
  echo "  letter / score: $(ratio "${best_cpu[letter --out-dir $n]}" "${best_cpu[score --out-dir $n]}")× cpu" \
    "(target ≤ 1.00×); $(ls "$work/letters" | wc -l) letters written"
fi
