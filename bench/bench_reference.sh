#!/usr/bin/env bash
# Benchmarks `civic data update` from the local mirror and the wall time of
# one `civic reps --state WA --format json` from process start, with
# baselines measured in the same run:
#   update  vs reading the same files with cat (the I/O floor)
#   lookup  vs `civic --version` (process start, no database)
# Usage: bench/bench_reference.sh [MIRROR] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
mirror="${1:-../shared/reps-data}"
runs="${2:-5}"
source bench/common.sh
export CIVIC_DATA_DIR="$work/data"

read_mirror() {
  find "$mirror/congress-legislators" "$mirror/openstates-people/data" "$mirror/crosswalks" \
       "$mirror/state-legislative-districts" -type f -exec cat {} + >/dev/null
}

files=$(find "$mirror/congress-legislators" "$mirror/openstates-people/data" "$mirror/crosswalks" \
        "$mirror/state-legislative-districts" -type f | wc -l)
bytes=$(du -sbc "$mirror/congress-legislators" "$mirror/openstates-people/data" "$mirror/crosswalks" \
        "$mirror/state-legislative-districts" | tail -1 | cut -f1)
echo "machine: $(nproc) cores; mirror: $mirror ($files files, $((bytes / 1048576)) MiB)"

update_runs=$(( runs < 3 ? runs : 3 ))
read_ms=$(median_ms "$update_runs" read_mirror)
update_ms=$(median_ms "$update_runs" "$civic" -q data update --from "$mirror")
echo "data update: median ${update_ms} ms over $update_runs runs (target < 15000 ms)"
echo "  baseline, cat of the same files: ${read_ms} ms; update/read = $(awk "BEGIN {printf \"%.1f\", $update_ms/$read_ms}")x"

lookup_runs=$(( runs * 4 ))
"$civic" reps --state WA --format json >/dev/null  # warm the page cache
version_ms=$(median_ms "$lookup_runs" "$civic" --version)
lookup_ms=$(median_ms "$lookup_runs" "$civic" reps --state WA --format json)
echo "reps --state WA --format json: median ${lookup_ms} ms over $lookup_runs runs (target < 20 ms)"
echo "  baseline, civic --version: ${version_ms} ms; lookup/start = $(awk "BEGIN {printf \"%.1f\", $lookup_ms/$version_ms}")x"
echo "  output: $("$civic" reps --state WA --format json | wc -c) bytes, $("$civic" reps --state WA --format csv | tail -n +2 | wc -l) seats"
