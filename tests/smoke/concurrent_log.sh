#!/usr/bin/env bash
# Two shells logging contacts at the same time with the real binary: every
# `civic log` succeeds and every row is in the journal.
# Usage: concurrent_log.sh CIVIC FIXTURE_MIRROR
set -u
civic="$1"; mirror="$2"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export CIVIC_DATA_DIR="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache"
"$civic" -q data update --from "$mirror" >/dev/null 2>&1 || { echo "data update failed"; exit 1; }

writer() {
  for i in $(seq 40); do
    "$civic" -q log --official "$1" --channel call --notes "call $i" >/dev/null 2>>"$work/err.$1" || echo "$1 $i" >>"$work/failed"
  done
}
writer A000001 & writer B000002 & writer C000003 &
wait
[ ! -s "$work/failed" ] || { echo "failed logs:"; cat "$work/failed" "$work"/err.*; exit 1; }
total=$("$civic" -q journal stats --format csv | awk -F, '$1 == "total" {print $4}')
[ "$total" = "120" ] || { echo "expected 120 contacts, found $total"; exit 1; }
echo "ok: 3 processes x 40 logs, 120 contacts kept"
