#!/usr/bin/env bash
# Benchmarks `civic campaign run`: N supporters with coordinates (seeded
# random points in the United States), federal targets, plain text, one
# file per letter; end to end with peak memory, a rerun (nothing to write),
# and, as the baseline in the same run, creating as many small files with
# nothing else to do.
# Usage: bench/bench_campaign.sh [MIRROR] [SUPPORTERS]
set -euo pipefail
cd "$(dirname "$0")/.."
mirror="${1:-../shared/reps-data}"
supporters="${2:-10000}"
source bench/common.sh
export CIVIC_DATA_DIR="$work/data"
"$civic" -q data update --from "$mirror"

# Points inside a congressional district, as bench_locate.sh keeps them
# (that filtering is not timed).
python3 bench/random_points.py $(( supporters * 26 / 10 )) 20261128 > "$work/candidates.csv"
"$civic" -q locate --input "$work/candidates.csv" --format csv |
  awk -F, -v n="$supporters" 'NR == 1 { print "id,name,lat,lon,address"; next }
    $4 != "" && k < n { k++; printf "s%d,Supporter %d,%s,%s,\"%d Main St, Springfield, IL 62701\"\n", k, k, $2, $3, k }' \
  > "$work/supporters.csv"
cat > "$work/campaign.toml" <<'TOML'
[campaign]
name = "Benchmark drive"
bill = "hr1144"
stance = "support"
formats = ["txt"]
targets = ["federal"]

[supporters]
file = "supporters.csv"

[supporters.columns]
name = "name"
lat = "lat"
lon = "lon"
address = "address"
TOML

seconds() { awk "BEGIN {printf \"%.2f\", ($2 - $1) / 1000000}"; }
start=${EPOCHREALTIME/./}
peak=$( (/usr/bin/time -f %M "$civic" -q campaign run "$work/campaign.toml" || true) 2>&1 >/dev/null | tail -1)
end=${EPOCHREALTIME/./}
letters=$(( $(wc -l < "$work/out/manifest.csv") - 1 ))
run_s=$(seconds "$start" "$end")
problems=$(( $(wc -l < "$work/out/problems.csv") - 1 ))
echo "machine: $(nproc) cores; $supporters supporters, $letters letters (federal, txt), $problems problem rows"
echo "(a) one file per letter: ${run_s} s, $(awk "BEGIN {printf \"%.0f\", $letters / $run_s}") letters/s, peak $((peak / 1024)) MB"

start=${EPOCHREALTIME/./}
"$civic" -q campaign run "$work/campaign.toml" >/dev/null 2>&1 || true
end=${EPOCHREALTIME/./}
echo "rerun, nothing to write: $(seconds "$start" "$end") s"

# The floor: as many files of the same size, written one by one.
size=$(wc -c < "$(find "$work/out" -name '*.txt' -print -quit)")
start=${EPOCHREALTIME/./}
python3 - "$work/bare" "$letters" "$size" <<'PY'
import os, sys
root, count, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
body = b"x" * size
for i in range(count):
    folder = os.path.join(root, str(i // 3))
    if i % 3 == 0:
        os.makedirs(folder)
    with open(os.path.join(folder, f"{i}.txt"), "wb") as f:
        f.write(body)
PY
end=${EPOCHREALTIME/./}
bare_s=$(seconds "$start" "$end")
echo "baseline, creating $letters files of $size bytes: ${bare_s} s; civic/bare = $(awk "BEGIN {printf \"%.1f\", $run_s / $bare_s}")x"
