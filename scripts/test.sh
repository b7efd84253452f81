#!/usr/bin/env bash
# Sets up whatever is missing, builds, and runs every test: ctest, every fuzz target for 15 s
# (scripts/fuzz.sh), the load run on both backends, then node:test, whose summary ends the output.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/bootstrap.sh
scripts/build.sh

(cd build/native && ctest --output-on-failure)
scripts/fuzz.sh 15
# Mixed writes from 32 clients through workerd, 10 s per backend, every acknowledged write
# checked in the final tables.
for backend in d1 pg; do npm run --silent load -- --clients 32 --seconds 10 --backend "$backend"; done
node --test --test-concurrency=1 tests/js/
