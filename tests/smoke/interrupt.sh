#!/usr/bin/env bash
# Ctrl-C during `civic data update` exits 130, leaves the previous
# reference.db as it was, and leaves no staging file behind.
# Usage: interrupt.sh CIVIC MIRROR
set -u
civic="$1"; mirror="$2"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export CIVIC_DATA_DIR="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache"

"$civic" -q data update --from "$mirror" >/dev/null 2>&1 || { echo "first update failed"; exit 1; }
before=$(sha256sum "$work/data/reference.db" | cut -d' ' -f1)

"$civic" -q data update --from "$mirror" >/dev/null 2>"$work/err" &
pid=$!
sleep 1
kill -INT "$pid"
wait "$pid"; rc=$?

[ "$rc" -eq 130 ] || { echo "expected exit 130, got $rc"; cat "$work/err"; exit 1; }
grep -q "civic: error: interrupted" "$work/err" || { echo "no 'interrupted' message"; cat "$work/err"; exit 1; }
after=$(sha256sum "$work/data/reference.db" | cut -d' ' -f1)
[ "$before" = "$after" ] || { echo "reference.db changed"; exit 1; }
leftovers=$(ls "$work/data" | grep -v '^reference.db$' || true)
[ -z "$leftovers" ] || { echo "left behind: $leftovers"; exit 1; }
echo "ok: exit 130, previous reference.db kept"
