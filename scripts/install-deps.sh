#!/usr/bin/env bash
# Installs the Debian packages civic builds and tests with. Does nothing when
# they are all present already. --bench adds what the benchmarks' Python
# baseline imports (geopandas, Jinja2).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libcli11-dev libcurl4-openssl-dev libsqlitecpp-dev libsqlite3-dev libfmt-dev
  libtomlplusplus-dev libyaml-cpp-dev nlohmann-json3-dev libssl-dev libarchive-dev libgdal-dev libgeos-dev libcsv-dev libjemalloc-dev
  libkainjow-mustache-dev libxml2-dev libpango1.0-dev libcairo2-dev fonts-dejavu-core
  doctest-dev libcpp-httplib-dev poppler-utils tzdata libical-dev
)
if [ "${1:-}" = "--bench" ]; then
  packages+=(python3 python3-geopandas python3-jinja2 python3-yaml time)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "civic: installing ${missing[*]}" >&2
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
