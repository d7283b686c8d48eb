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
