#!/usr/bin/env bash
# Measures `ess-eval rank` against the floor of any yaml-cpp tool (bench/parse_floor.cpp:
# YAML::LoadFile + a walk over every node), then every other command over many files against
# `rank`, on synthetic corpora of the built-in grid.
#
#   bench/run.sh                 # Release build in build-bench, 1 000 and 10 000 dossiers,
#                                # plus 50 000 for the memory check
#   BUILD=build-rank REPEAT=5 SIZES="1000 10000" MEMORY_SIZE= bench/run.sh
#   SKIP_BUILD=1 BUILD=build-rank bench/run.sh     # measure the binaries already built
#   COMMAND_SIZES= bench/run.sh  # rank against the floor only
#
# Prints, per corpus: wall and CPU time (best of REPEAT rounds, 5 by default, each running the
# floor, rank --jobs 1 and rank --jobs 2 in turn: other work on the machine only ever slows a
# run down), dossiers/s, MB/s, peak RSS, and the ratios of rank to the floor.
# Targets on a 2-core machine at 10 000 dossiers: rank --jobs 1 ≤ 0.9× the floor's time,
# --jobs 2 ≤ 0.5×; peak RSS < 64 MiB, growing ≤ 10 % from 10 000 to 50 000 dossiers.
#
# Then, per corpus of COMMAND_SIZES (10 000 and 50 000 by default), `rank`, `validate`,
# `score --format csv`, `grid impact` and `sensitivity` (SENS_SAMPLES samples, 1000 by
# default), all --jobs 2, in turn for COMMAND_REPEAT rounds (3 by default): CPU per dossier
# against rank's, and peak RSS. Targets: validate, score --format csv and grid impact under
# 64 MiB at both sizes, growing less than 10 %; sensitivity about 1 KB a dossier (its growth
# from 10 000 to 50 000, over 40 000); each command's time no more than rank's plus its own
# work (validate: none; score: rendering; grid impact: a second scoring; sensitivity: the
# samples).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build-bench}
[[ $build = /* ]] || build=$root/$build
repeat=${REPEAT:-5}
sizes=${SIZES:-1000 10000}
memory_size=${MEMORY_SIZE-50000}
command_sizes=${COMMAND_SIZES-10000 50000}
command_repeat=${COMMAND_REPEAT:-3}
sens_samples=${SENS_SAMPLES:-1000}
keep=${KEEP:-}

if [[ -z ${SKIP_BUILD:-} ]]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" --target ess-eval parse_floor >/dev/null
fi
ess=$build/ess-eval
floor=$build/bench/parse_floor

work=$(mktemp -d "${TMPDIR:-/tmp}/ess-bench.XXXXXX")
[[ -n $keep ]] || trap 'rm -rf "$work"' EXIT

# once LABEL DIR CMD...: one run under /usr/bin/time -v; keeps, per label, the best wall time
# (with its CPU time) and the highest peak RSS in best_wall, best_cpu and max_rss.
declare -A best_wall best_cpu max_rss
once() {
  local label=$1 dir=$2
  shift 2
  (cd "$dir" && /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt") ||
    { echo "  ($label exited with an error:)" >&2; head -3 "$work/stderr.txt" >&2; }
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

# show LABEL: its line of figures; sets wall cpu rss.
show() {
  local label=$1
  wall=${best_wall[$label]} cpu=${best_cpu[$label]} rss=${max_rss[$label]}
  printf '  %-22s wall %7.2f s  cpu %7.2f s  %8.0f dossiers/s  %6.1f MB/s  peak RSS %6.1f MiB\n' \
    "$label" "$wall" "$cpu" "$(awk -v n="$n" -v w="$wall" 'BEGIN {print n / w}')" \
    "$(awk -v b="$bytes" -v w="$wall" 'BEGIN {print b / 1e6 / w}')" \
    "$(awk -v k="$rss" 'BEGIN {print k / 1024}')"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

declare -A rank_rss
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); best of $repeat interleaved rounds"
for n in $sizes $memory_size; do
  corpus=$work/corpus-$n
  [[ -d $corpus ]] || python3 "$root/bench/gen_dossiers.py" --count "$n" --out "$corpus" --seed 1 >/dev/null
  bytes=$(du -sb "$corpus" | cut -f1)
  best_wall=() best_cpu=() max_rss=()
  echo
  echo "$n dossiers, $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1e6}') MB"
  if [[ " $sizes " == *" $n "* ]]; then
    # The file names only (run() works in the corpus): full paths would crowd ARG_MAX.
    names=()
    while IFS= read -r name; do names+=("$name"); done < <(cd "$corpus" && ls)
    # Interleaved, round after round: a slow spell of a shared machine then slows every
    # program alike instead of the one that happened to run through it.
    for ((r = 0; r < repeat; r++)); do
      once "parse_floor --jobs 1" "$corpus" "$floor" --jobs 1 "${names[@]}"
      once "rank --jobs 1" "$corpus" "$ess" rank --jobs 1 --quiet .
      once "rank --jobs 2" "$corpus" "$ess" rank --jobs 2 --quiet .
    done
    show "parse_floor --jobs 1"
    floor_wall=$wall floor_cpu=$cpu
    show "rank --jobs 1"
    j1_wall=$wall j1_cpu=$cpu
    show "rank --jobs 2"
    j2_wall=$wall j2_cpu=$cpu
    rank_rss[$n]=$rss
    echo "  rank --jobs 1 / floor: $(ratio "$j1_wall" "$floor_wall")× wall," \
      "$(ratio "$j1_cpu" "$floor_cpu")× cpu   (target ≤ 0.90×)"
    echo "  rank --jobs 2 / floor: $(ratio "$j2_wall" "$floor_wall")× wall," \
      "$(ratio "$j2_cpu" "$floor_cpu")× cpu (both threads)   (target ≤ 0.50× wall)"
  else
    once "rank --jobs 2" "$corpus" "$ess" rank --jobs 2 --quiet .
    show "rank --jobs 2"
    rank_rss[$n]=$rss
  fi
  [[ -n $keep || " $command_sizes " == *" $n "* ]] || rm -rf "$corpus"
done

load=$(cut -d' ' -f1 /proc/loadavg)
if awk -v l="$load" -v n="$(nproc)" 'BEGIN {exit !(l > n)}'; then
  echo
  echo "warning: load average $load on $(nproc) cores: other work shared the CPUs, so wall times"
  echo "and the --jobs 2 ratio are pessimistic; the cpu columns still compare."
fi

if [[ -n $memory_size && -n ${rank_rss[10000]:-} ]]; then
  echo
  echo "peak RSS of rank --jobs 2, 10 000 → $memory_size dossiers: $(awk -v k="${rank_rss[10000]}" 'BEGIN {printf "%.1f", k / 1024}') →" \
    "$(awk -v k="${rank_rss[$memory_size]}" 'BEGIN {printf "%.1f", k / 1024}') MiB" \
    "(+$(awk -v a="${rank_rss[10000]}" -v b="${rank_rss[$memory_size]}" 'BEGIN {printf "%.0f", 100 * (b - a) / a}') %;" \
    "target < 64 MiB and ≤ +10 %)"
fi

# ---------------------------------------------------------------- every batch command
[[ -n $command_sizes ]] || exit 0
grid=$root/criteria/ess-citoyennete-economique.yaml
new_grid=$root/tests/e2e/fixtures/grid-diff/ess-citoyennete-economique-1.1.0.yaml
commands=("rank" "validate" "score --format csv" "grid impact" "sensitivity")
# args COMMAND: its arguments before the corpus.
args() {
  case $1 in
    "grid impact") echo "grid impact $grid $new_grid" ;;
    sensitivity) echo "sensitivity --samples $sens_samples" ;;
    *) echo "$1" ;;
  esac
}
declare -A command_rss command_cpu
for n in $command_sizes; do
  corpus=$work/corpus-$n
  [[ -d $corpus ]] || python3 "$root/bench/gen_dossiers.py" --count "$n" --out "$corpus" --seed 1 >/dev/null
  bytes=$(du -sb "$corpus" | cut -f1)
  best_wall=() best_cpu=() max_rss=()
  echo
  echo "$n dossiers, every batch command --jobs 2, best of $command_repeat rounds"
  for ((r = 0; r < command_repeat; r++)); do
    for c in "${commands[@]}"; do
      # shellcheck disable=SC2046
      once "$c" "$corpus" "$ess" $(args "$c") --jobs 2 --quiet .
    done
  done
  for c in "${commands[@]}"; do
    show "$c"
    command_rss[$c,$n]=$rss
    command_cpu[$c,$n]=$cpu
  done
  for c in "${commands[@]}"; do
    [[ $c == rank ]] && continue
    printf '  %-22s cpu per dossier %6.3f ms, rank %6.3f ms (%s× rank)\n' "$c" \
      "$(awk -v c="${command_cpu[$c,$n]}" -v n="$n" 'BEGIN {print 1000 * c / n}')" \
      "$(awk -v c="${command_cpu[rank,$n]}" -v n="$n" 'BEGIN {print 1000 * c / n}')" \
      "$(ratio "${command_cpu[$c,$n]}" "${command_cpu[rank,$n]}")"
  done
  [[ -n $keep ]] || rm -rf "$corpus"
done

set -- $command_sizes
if (($# >= 2)); then
  small=$1 large=${!#}
  echo
  echo "peak RSS, $small → $large dossiers (target: validate, score, grid impact < 64 MiB and ≤ +10 %;"
  echo "sensitivity about 1 KB a dossier):"
  for c in "${commands[@]}"; do
    a=${command_rss[$c,$small]} b=${command_rss[$c,$large]}
    printf '  %-22s %6.1f → %6.1f MiB (%+.0f %%), %6.0f bytes a dossier more\n' "$c" \
      "$(awk -v k="$a" 'BEGIN {print k / 1024}')" "$(awk -v k="$b" 'BEGIN {print k / 1024}')" \
      "$(awk -v a="$a" -v b="$b" 'BEGIN {print 100 * (b - a) / a}')" \
      "$(awk -v a="$a" -v b="$b" -v s="$small" -v l="$large" 'BEGIN {print 1024 * (b - a) / (l - s)}')"
  done
fi
