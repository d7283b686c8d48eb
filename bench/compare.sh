#!/usr/bin/env bash
# Compares two civic binaries on the benchmarks' workloads, alternating them
# run by run so that both meet the same machine: bulk location of 100,000
# points, single `reps --latlon` lookups, and a campaign over N supporters
# in one file per letter (a) and one file per office (b). Prints each
# binary's median and the ratio new/old. A refactor that claims to cost
# nothing shows ratios near 1.00 here.
# Usage: bench/compare.sh OLD NEW [MIRROR] [SUPPORTERS] [RUNS]
#   OLD, NEW: paths of civic binaries (each with its modules beside it)
set -euo pipefail
cd "$(dirname "$0")/.."
old="$(realpath "$1")"
new="$(realpath "$2")"
mirror="${3:-../shared/reps-data}"
supporters="${4:-100000}"
runs="${5:-5}"
civic="$new"
source bench/common.sh
export CIVIC_DATA_DIR="$work/data"
"$new" -q data update --from "$mirror"

python3 bench/random_points.py 260000 20261128 > "$work/candidates.csv"
"$new" -q locate --input "$work/candidates.csv" --format csv > "$work/located.csv"
awk -F, 'NR == 1 {print "id,lat,lon"; next} $4 != "" && n < 100000 {n++; print n "," $2 "," $3}' \
  "$work/located.csv" > "$work/points.csv"
awk -F, -v n="$supporters" 'NR == 1 { print "id,name,lat,lon,address"; next }
  $4 != "" && k < n { k++; printf "s%d,Supporter %d,%s,%s,\"%d Main St, Springfield, IL 62701\"\n", k, k, $2, $3, k }' \
  "$work/located.csv" > "$work/supporters.csv"
# wall_ms COMMAND...: milliseconds of one run, from bash's own clock.
wall_ms() {
  local start=${EPOCHREALTIME/./}
  "$@" >/dev/null 2>&1 || true
  echo $(( (${EPOCHREALTIME/./} - start) / 1000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m}'; }

# A campaign run on a fresh journal and output folder of its own. Nothing
# is removed until the end: on some file systems, creating files right
# after deleting many is much slower.
campaign_ms() {  # BINARY NAME EXTRA-KEYS
  mkdir -p "$work/data-$2"
  cp "$work/data/reference.db" "$work/data-$2/"
  campaign "Compare" "$2" "$3"
  sync
  CIVIC_DATA_DIR="$work/data-$2" wall_ms "$1" -q campaign run "$work/$2.toml"
}
singles_ms() {  # BINARY: seven lookups of each of three places, one sample (0.1 ms)
  local start=${EPOCHREALTIME/./}
  for _ in 1 2 3 4 5 6 7; do
    for place in 47.6062,-122.3321 61.2181,-149.9003 40.7128,-74.0060; do
      "$1" reps --latlon "$place" >/dev/null 2>&1
    done
  done
  awk "BEGIN {printf \"%.1f\", (${EPOCHREALTIME/./} - $start) / 21000}"
}

declare -A samples
for run in $(seq "$runs"); do
  for which in old new; do
    bin=${!which}
    samples[$which-bulk]+="$(wall_ms "$bin" -q locate --input "$work/points.csv" --format csv) "
    samples[$which-single]+="$(singles_ms "$bin") "
    samples[$which-a]+="$(campaign_ms "$bin" "out-a-$which-$run" "") "
    samples[$which-b]+="$(campaign_ms "$bin" "out-b-$which-$run" $'bundle = "office"\nletter_files = false') "
  done
  echo "run $run of $runs done" >&2
done

echo "machine: $(nproc) cores; $runs alternating runs; $supporters supporters; 100,000 points"
echo "old: $old"
echo "new: $new"
for workload in bulk single a b; do
  o=$(echo ${samples[old-$workload]} | tr ' ' '\n' | median)
  n=$(echo ${samples[new-$workload]} | tr ' ' '\n' | median)
  case $workload in
    bulk) label="locate --input, 100,000 points";;
    single) label="reps --latlon, one lookup (mean of 21)";;
    a) label="campaign (a), one file per letter";;
    b) label="campaign (b), one file per office";;
  esac
  printf '%-42s old %6s ms  new %6s ms  new/old %s   (old: %s; new: %s)\n' "$label" "$o" "$n" \
    "$(awk "BEGIN {printf \"%.3f\", $n / $o}")" "${samples[old-$workload]% }" "${samples[new-$workload]% }"
done
