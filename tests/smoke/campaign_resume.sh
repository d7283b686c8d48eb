#!/usr/bin/env bash
# A campaign run killed with SIGKILL in the middle of writing, then run
# again, ends with the same files as a run never interrupted, and with each
# letter in the journal once. Ctrl-C (SIGINT) stops a run with exit 130.
# Usage: campaign_resume.sh CIVIC FIXTURE_MIRROR
set -u
civic="$1"; mirror="$2"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

setup() {  # a data folder, a campaign and 1,000 supporters in WA-1
  mkdir -p "$work/$1"
  CIVIC_DATA_DIR="$work/$1/data" "$civic" -q data update --from "$mirror" >/dev/null 2>&1 || { echo "data update failed"; exit 1; }
  awk 'BEGIN { print "id,name,lat,lon,address";
               for (i = 0; i < 1000; i++) printf "s%03d,Supporter %d,%.4f,%.4f,\"%d Elm St, Kent, WA 98030\"\n", i, i, 47.1 + (i % 80) / 100, -122.9 + (i % 79) / 100, i }' \
    > "$work/$1/supporters.csv"
  printf '[campaign]\nname = "Resume"\nbill = "hr1144"\nstance = "support"\nformats = ["txt", "pdf"]\n\n[supporters]\nfile = "supporters.csv"\n\n[supporters.columns]\nname = "name"\nlat = "lat"\nlon = "lon"\naddress = "address"\n' \
    > "$work/$1/campaign.toml"
}
run() { CIVIC_DATA_DIR="$work/$1/data" XDG_CACHE_HOME="$work/$1/cache" "$civic" -q campaign run "$work/$1/campaign.toml" "${@:2}"; }
snapshot() { (cd "$work/$1/out" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }

setup clean; setup killed; setup interrupted
run clean >/dev/null 2>&1 || { echo "the uninterrupted run failed"; exit 1; }

# Starts a run in $1 and sends it signal $2 once it has written 50 letters.
run_until() {
  # civic itself in the background (not a function's subshell), so the
  # signal reaches it.
  CIVIC_DATA_DIR="$work/$1/data" XDG_CACHE_HOME="$work/$1/cache" "$civic" -q campaign run "$work/$1/campaign.toml" \
    >/dev/null 2>&1 &
  local pid=$!
  for _ in $(seq 400); do
    [ "$(find "$work/$1/out" -name '*.pdf' 2>/dev/null | head -50 | wc -l)" -ge 50 ] && break
    sleep 0.01
  done
  kill "-$2" "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
}

run_until interrupted INT; rc=$?
[ "$rc" -eq 130 ] || [ "$rc" -eq 0 ] || { echo "Ctrl-C: expected exit 130, got $rc"; exit 1; }
[ "$rc" -eq 130 ] || echo "note: the run finished before Ctrl-C reached it"

run_until killed KILL
written=$(find "$work/killed/out" -type f | wc -l)
total=$(snapshot clean | wc -l)
[ "$written" -lt "$total" ] || echo "note: the run finished before it was killed ($written files)"

run killed > "$work/resumed.txt" 2>&1
grep -q "unchanged" "$work/resumed.txt" || { echo "the second run did not report its work:"; cat "$work/resumed.txt"; exit 1; }
diff <(snapshot clean) <(snapshot killed) >/dev/null || { echo "the resumed run's files differ from an uninterrupted run"; exit 1; }
contacts=$(CIVIC_DATA_DIR="$work/killed/data" "$civic" -q journal stats --format csv | awk -F, '$1 == "total" {print $4}')
letters=$(( $(wc -l < "$work/killed/out/manifest.csv") - 1 ))
[ "$contacts" -eq $(( letters / 2 )) ] || { echo "journal has $contacts contacts for $((letters / 2)) letters"; exit 1; }
run interrupted >/dev/null 2>&1
diff <(snapshot clean) <(snapshot interrupted) >/dev/null || { echo "the run after Ctrl-C differs"; exit 1; }
echo "ok: Ctrl-C exit $rc; killed after $written of $total files; resumed to identical files, $contacts contacts logged once"
