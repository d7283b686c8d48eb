#!/usr/bin/env bash
# Benchmarks point location:
#   bulk    civic locate --input on 100,000 seeded random points inside the
#           United States: points per second (all three layers), peak memory
#   single  one civic reps --latlon from process start: median wall time,
#           peak memory; baseline civic --version in the same run
# Needs reference data: CIVIC_DATA_DIR, or it imports MIRROR first.
# Usage: bench/bench_locate.sh [MIRROR] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
mirror="${1:-../shared/reps-data}"
runs="${2:-3}"
source bench/common.sh
if [ -z "${CIVIC_DATA_DIR:-}" ]; then
  export CIVIC_DATA_DIR="$work/data"
  "$civic" -q data update --from "$mirror" 2>/dev/null
fi

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m}'; }
# Wall milliseconds of one run of "$@", from bash's own clock.
wall_ms() {
  local start=${EPOCHREALTIME/./}
  "$@" >/dev/null 2>&1
  echo $(( (${EPOCHREALTIME/./} - start) / 1000 ))
}
peak_mb() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f", $1/1024}'; }

# 100,000 points inside the United States: seeded candidates, kept when
# they fall in a congressional district (that filtering is not timed).
python3 bench/random_points.py 260000 20261128 > "$work/candidates.csv"
"$civic" -q locate --input "$work/candidates.csv" --format csv \
  | awk -F, 'NR == 1 {print "id,lat,lon"; next} $4 != "" && n < 100000 {n++; print n "," $2 "," $3}' \
  > "$work/points.csv"
points=$(($(wc -l < "$work/points.csv") - 1))
echo "machine: $(nproc) cores; $points points inside the United States (seed 20261128)"

bulk_ms=$(for _ in $(seq "$runs"); do wall_ms "$civic" -q locate --input "$work/points.csv" --format csv; done | median)
read_ms=$(for _ in $(seq "$runs"); do wall_ms cat "$work/points.csv"; done | median)
echo "bulk locate: median ${bulk_ms} ms over $runs runs = $(awk "BEGIN {printf \"%.0f\", $points / $bulk_ms * 1000}") points/s (target >= 300000)"
echo "  peak memory: $(peak_mb "$civic" -q locate --input "$work/points.csv" --format csv) MB (target < 400)"
echo "  baseline, cat of the input: ${read_ms} ms"

single_runs=$((runs * 7))
"$civic" reps --latlon 47.6062,-122.3321 >/dev/null  # warm the page cache
version_ms=$(for _ in $(seq "$single_runs"); do wall_ms "$civic" --version; done | median)
for place in 47.6062,-122.3321 61.2181,-149.9003 40.7128,-74.0060; do
  single_ms=$(for _ in $(seq "$single_runs"); do wall_ms "$civic" reps --latlon "$place"; done | median)
  echo "reps --latlon $place: median ${single_ms} ms over $single_runs runs (target < 30); peak $(peak_mb "$civic" reps --latlon "$place") MB"
done
echo "  baseline, civic --version: ${version_ms} ms"
