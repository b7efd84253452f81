#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz (clang, ASan + UBSan) and runs each one: first
# over its seed corpus, then fuzzing for the given seconds (default 15). New inputs go to a
# working corpus under build/fuzz, never into the repository; a crash leaves its input in
# build/fuzz/artifacts and fails the run.
#   scripts/fuzz.sh [seconds-per-target] [target...]
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-15}"
shift || true
targets=("$@")
((${#targets[@]})) || targets=(schema_loader spec_compile validator_spec validator decode http_parser sql_request)

declare -A dictionary=([schema_loader]=schema [spec_compile]=spec [validator_spec]=validator
  [validator]=validator [decode]=decode [http_parser]=http_parser [sql_request]=sql_request)

build=build/fuzz
CC=clang CXX=clang++ cmake -S . -B "$build" -DSLUICE_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc)" --target "${targets[@]/#/fuzz_}" >/dev/null

mkdir -p "$build/artifacts"
for target in "${targets[@]}"; do
  seeds="tests/fuzz/corpus/$target"
  work="$build/corpus/$target"
  mkdir -p "$work"
  binary="$build/tests/fuzz/fuzz_$target"
  options=(-dict="tests/fuzz/dict/${dictionary[$target]}.dict" -artifact_prefix="$build/artifacts/$target-"
    -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1)
  "$binary" "${options[@]}" -runs=0 "$seeds" >"$build/$target.replay.log" 2>&1 ||
    { cat "$build/$target.replay.log"; echo "fuzz: $target fails on its seed corpus"; exit 1; }
  "$binary" "${options[@]}" -max_total_time="$seconds" "$work" "$seeds" >"$build/$target.log" 2>&1 ||
    { tail -n 40 "$build/$target.log"; echo "fuzz: $target crashed"; exit 1; }
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$build/$target.log" | grep -o '[0-9]*$')
  echo "fuzz: $target: $runs executions in ${seconds} s, no crash"
done
