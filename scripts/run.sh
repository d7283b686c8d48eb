#!/usr/bin/env bash
# Quick start: install what civic needs, build it, load the open data, show
# who represents a place in Seattle and draft a letter to each of its members
# of Congress about the Frederick Douglass TVPRA of 2025.
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
build/src/civic reps --latlon 47.6205,-122.3493
build/src/civic letter --bill hr1144 --stance support --latlon 47.6205,-122.3493 \
  --sender-name "Sam Example" --sender-address "400 Broad St, Seattle, WA 98109"
