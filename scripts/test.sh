#!/usr/bin/env bash
# Sets up whatever is missing, builds, and runs every test: ctest, then node:test.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/bootstrap.sh
scripts/build.sh

(cd build/native && ctest --output-on-failure)
node --test --test-concurrency=1 tests/js/
