# Sourced by the benchmarks, from the project root: builds civic when it is
# missing, makes a scratch folder removed on exit ($work) with its own config
# and cache, and defines median_ms.
civic="build/src/civic"
[ -x "$civic" ] || scripts/build.sh
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache"

# median_ms N COMMAND... runs COMMAND N times and prints the median wall
# time in milliseconds. Times come
# from bash's own clock ($EPOCHREALTIME): spawning `date` would add a process
# start to every sample.
median_ms() {
  local n="$1"; shift
  local times=()
  for _ in $(seq "$n"); do
    local start end
    start=${EPOCHREALTIME/./}; "$@" >/dev/null 2>&1; end=${EPOCHREALTIME/./}
    times+=($(( end - start )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1000}'
}

# campaign NAME OUTPUT EXTRA-KEYS writes $work/OUTPUT.toml: a federal, plain
# text letter drive for hr1144 over $work/supporters.csv (id, name, lat,
# lon, address), writing into $work/OUTPUT, with EXTRA-KEYS in [campaign].
campaign() {
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
