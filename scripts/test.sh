#!/usr/bin/env bash
# Sets up whatever is missing, builds, and runs every test: ctest, every fuzz target for 15 s
# (scripts/fuzz.sh), then node:test, whose summary ends the output.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/bootstrap.sh
scripts/build.sh

(cd build/native && ctest --output-on-failure)
scripts/fuzz.sh 15
node --test --test-concurrency=1 tests/js/
