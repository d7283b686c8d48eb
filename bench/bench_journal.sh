#!/usr/bin/env bash
# Benchmarks the journal with 100,000 contacts (or N): the wall time from
# process start to exit of `civic journal stats`, `civic remind` and
# `civic log`, with `civic --version` (process start, no database) as the
# baseline measured in the same run.
# Usage: bench/bench_journal.sh [MIRROR] [CONTACTS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
mirror="${1:-../shared/reps-data}"
contacts="${2:-100000}"
runs="${3:-15}"
source bench/common.sh
export CIVIC_DATA_DIR="$work/data"

"$civic" -q data update --from "$mirror"  # `civic log` looks the official up
python3 bench/make_contacts.py "$contacts" > "$work/contacts.csv"
start=${EPOCHREALTIME/./}
"$civic" journal import "$work/contacts.csv" >/dev/null
end=${EPOCHREALTIME/./}
echo "machine: $(nproc) cores; journal: $contacts contacts, $(du -k "$work/data/journal.db" | cut -f1) KiB"
echo "journal import of $contacts contacts: $(( (end - start) / 1000 )) ms"

"$civic" journal stats >/dev/null 2>&1  # warm the page cache
version_ms=$(median_ms "$runs" "$civic" --version)
stats_ms=$(median_ms "$runs" "$civic" journal stats)
remind_ms=$(median_ms "$runs" "$civic" remind)
log_ms=$(median_ms "$runs" "$civic" log --official C000127 --channel call --bill hr1144 --outcome reached)
ratio() { awk "BEGIN {printf \"%.1f\", $1/$version_ms}"; }
echo "baseline, civic --version: ${version_ms} ms (median of $runs)"
echo "journal stats: ${stats_ms} ms (target < 200 ms); $(ratio "$stats_ms")x start"
echo "remind:        ${remind_ms} ms (target < 200 ms); $(ratio "$remind_ms")x start; $("$civic" remind --format csv 2>/dev/null | tail -n +2 | wc -l) reminders"
echo "log:           ${log_ms} ms (target < 20 ms); $(ratio "$log_ms")x start"
