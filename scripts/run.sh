#!/usr/bin/env bash
# Quick start: install what civic needs, build it, load the open data and
# show who represents Washington State.
#
# The data comes from $CIVIC_DATA_FROM when set (a mirror directory or
# http:// URL), else from the mirror at ../shared/reps-data when it exists,
# else from the upstream sources named in reps-data/manifest.toml.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh

from="${CIVIC_DATA_FROM:-}"
if [ -z "$from" ] && [ -d ../shared/reps-data ]; then
  from="$(cd ../shared/reps-data && pwd)"
fi
if [ -n "$from" ]; then
  build/src/civic data update --from "$from"
else
  build/src/civic data update
fi
build/src/civic reps --state WA
