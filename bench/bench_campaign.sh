#!/usr/bin/env bash
# Benchmarks `civic campaign run` end to end, with peak memory: N supporters
# with coordinates (seeded random points in the United States), federal
# targets, plain text, in three outputs measured in the same run:
#   (a) one file per letter;
#   (b) one file per target office holding its letters in order
#       (bundle = "office", letter_files = false);
#   (c) the same as (a) by a Python baseline (geopandas + Jinja2, Debian's
#       python3-geopandas and python3-jinja2), bench/baseline/campaign.py;
# and, as the floor for (a), creating as many files of the same size with
# nothing else to do, timed before and after (a) since the file system's
# speed drifts; then a rerun of (a) with nothing to write.
# Usage: bench/bench_campaign.sh [MIRROR] [SUPPORTERS]
set -euo pipefail
cd "$(dirname "$0")/.."
mirror="${1:-../shared/reps-data}"
supporters="${2:-100000}"
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
campaign() {  # NAME OUTPUT EXTRA-KEYS
  cat > "$work/$2.toml" <<TOML
[campaign]
name = "$1"
bill = "hr1144"
stance = "support"
formats = ["txt"]
targets = ["federal"]
output = "$2"
$3

[supporters]
file = "supporters.csv"

[supporters.columns]
name = "name"
lat = "lat"
lon = "lon"
address = "address"
TOML
}
campaign "Benchmark warm-up" out-w ""
campaign "Benchmark (a)" out-a ""
campaign "Benchmark (b)" out-b $'bundle = "office"\nletter_files = false'

# timed COMMAND...: wall seconds and peak MB of one run, in $secs and $mb.
timed() {
  sync
  local start end
  start=${EPOCHREALTIME/./}
  /usr/bin/time -o "$work/peak" -f %M "$@" >/dev/null 2>&1 || true
  end=${EPOCHREALTIME/./}
  secs=$(awk "BEGIN {printf \"%.2f\", ($end - $start) / 1000000}")
  mb=$(( $(tail -1 "$work/peak") / 1024 ))
  echo "  ${*:1:3}...: $secs s, $mb MB" >&2
}

bare() {  # COUNT SIZE
  rm -rf "$work/bare"; sync
  timed python3 - "$work/bare" "$1" "$2" <<'PY'
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
  rm -rf "$work/bare"
}

echo "machine: $(nproc) cores; $supporters supporters with coordinates, federal targets, plain text"
# The letter count and size come from a warm-up run, not timed (under
# another name, so that (a) still records every letter in the journal).
"$civic" -q campaign run "$work/out-w.toml" >/dev/null 2>&1 || true
letters=$(( $(wc -l < "$work/out-w/manifest.csv") - 1 ))
size=$(wc -c < "$(find "$work/out-w" -name '*.txt' -print -quit)")
problems=$(( $(wc -l < "$work/out-w/problems.csv") - 1 ))
echo "$letters letters of about $size bytes; $problems letters left out (an official with no postal address on record)"
rm -rf "$work/out-w"

bare "$letters" "$size"; bare1=$secs
timed "$civic" -q campaign run "$work/out-a.toml"; a=$secs; a_mb=$mb
bare "$letters" "$size"; bare2=$secs
timed "$civic" -q campaign run "$work/out-a.toml"; rerun=$secs
rm -rf "$work/out-a"
timed "$civic" -q campaign run "$work/out-b.toml"; b=$secs; b_mb=$mb
bundles=$(find "$work/out-b/bundles" -type f | wc -l)
rm -rf "$work/out-b"
timed /usr/bin/python3 bench/baseline/campaign.py "$work/supporters.csv" "$mirror" \
  templates/bills/hr1144-119.toml "$work/out-c"; c=$secs; c_mb=$mb
c_letters=$(find "$work/out-c" -type f | wc -l)
rm -rf "$work/out-c"

rate() { awk "BEGIN {printf \"%.0f\", $1 / $2}"; }
floor=$(awk "BEGIN {printf \"%.2f\", ($bare1 + $bare2) / 2}")
echo "bare file creation, $letters files of $size bytes: $bare1 s before (a), $bare2 s after; mean $floor s"
echo "(a) one file per letter:        $a s, $(rate "$letters" "$a") letters/s, peak $a_mb MB;" \
  "$(awk "BEGIN {printf \"%.2f\", $a / $floor}")x the bare file creation"
echo "(b) one file per office:        $b s, $(rate "$letters" "$b") letters/s, peak $b_mb MB, $bundles bundles"
echo "(c) Python baseline (as (a)):   $c s, $(rate "$c_letters" "$c") letters/s, peak $c_mb MB, $c_letters files;" \
  "civic (a) is $(awk "BEGIN {printf \"%.1f\", $c / $a}")x faster"
echo "rerun of (a), nothing to write: $rerun s"
