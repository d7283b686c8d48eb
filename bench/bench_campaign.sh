#!/usr/bin/env bash
# Benchmarks `civic campaign run` end to end, with peak memory: N supporters
# with coordinates (seeded random points in the United States), federal
# targets, plain text, in three outputs measured in the same run:
#   (a) one file per letter;
#   (b) one file per target office holding its letters in order
#       (bundle = "office", letter_files = false), three times: the median;
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
campaign "Benchmark sample" out-s ""
campaign "Benchmark (a)" out-a ""
for k in 1 2 3; do
  campaign "Benchmark (b)" "out-b$k" $'bundle = "office"\nletter_files = false'
done

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

bare() {  # COUNT SIZE FOLDER
  timed python3 - "$work/$3" "$1" "$2" <<'PY'
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
}

echo "machine: $(nproc) cores; $supporters supporters with coordinates, federal targets, plain text"
# The letter count from a dry run, their size from a run over the first
# 300 supporters (neither timed). Nothing is deleted until the end: on this
# file system, creating files right after deleting many is much slower.
letters=$({ "$civic" campaign run "$work/out-a.toml" --dry-run 2>&1 >/dev/null || true; } |
  sed -n 's/.* supporter(s), \([0-9]*\) letter(s).*/\1/p')
head -301 "$work/supporters.csv" > "$work/sample.csv"
sed -i 's/"supporters.csv"/"sample.csv"/' "$work/out-s.toml"
"$civic" -q campaign run "$work/out-s.toml" >/dev/null 2>&1 || true
size=$(wc -c < "$(find "$work/out-s" -name '*.txt' -print -quit)")
echo "$letters letters of about $size bytes"
# Each run of (b) gets a journal of its own, as fresh as the one (a) starts
# with. (b) takes seconds where a busy host can add a second or two: it is
# run three times and the median is quoted.
for k in 1 2 3; do cp -r "$work/data" "$work/data-b$k"; done

bare "$letters" "$size" bare-1; bare1=$secs
timed "$civic" -q campaign run "$work/out-a.toml"; a=$secs; a_mb=$mb
bare "$letters" "$size" bare-2; bare2=$secs
timed "$civic" -q campaign run "$work/out-a.toml"; rerun=$secs
b_runs=()
b_mb=0
for k in 1 2 3; do
  CIVIC_DATA_DIR="$work/data-b$k" timed "$civic" -q campaign run "$work/out-b$k.toml"
  b_runs+=("$secs")
  b_mb=$(( mb > b_mb ? mb : b_mb ))
done
b=$(printf '%s\n' "${b_runs[@]}" | sort -n | sed -n 2p)
bundles=$(find "$work/out-b1/bundles" -type f | wc -l)
timed /usr/bin/python3 bench/baseline/campaign.py "$work/supporters.csv" "$mirror" \
  templates/bills/hr1144-119.toml "$work/out-c"; c=$secs; c_mb=$mb
c_letters=$(find "$work/out-c" -type f | wc -l)

rate() { awk "BEGIN {printf \"%.0f\", $1 / $2}"; }
floor=$(awk "BEGIN {printf \"%.2f\", ($bare1 + $bare2) / 2}")
echo "bare file creation, $letters files of $size bytes: $bare1 s before (a), $bare2 s after; mean $floor s"
echo "(a) one file per letter:        $a s, $(rate "$letters" "$a") letters/s, peak $a_mb MB;" \
  "$(awk "BEGIN {printf \"%.2f\", $a / $floor}")x the bare file creation"
echo "(b) one file per office:        $b s (median of ${b_runs[*]}), $(rate "$letters" "$b") letters/s," \
  "peak $b_mb MB, $bundles bundles"
echo "(c) Python baseline (as (a)):   $c s, $(rate "$c_letters" "$c") letters/s, peak $c_mb MB, $c_letters files;" \
  "civic (a) is $(awk "BEGIN {printf \"%.1f\", $c / $a}")x faster"
echo "rerun of (a), nothing to write: $rerun s"
