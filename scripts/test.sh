#!/usr/bin/env bash
# Install what civic needs, build it with warnings as errors, and run the
# whole test suite (units, golden CLI tests, imports of the shared mirror).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh -DCIVIC_WARNINGS_AS_ERRORS=ON -DCIVIC_BUILD_TESTS=ON
ctest --test-dir build --output-on-failure --parallel "$(nproc)"
