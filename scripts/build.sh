#!/usr/bin/env bash
# Builds the core twice: natively (unit tests) and to WebAssembly (bindings/sluice.wasm).
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's emscripten runs its optimizer under node and needs acorn from here.
export NODE_PATH=/usr/share/nodejs
jobs=$(nproc)

cmake -S . -B build/native -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build/native -j"$jobs"

emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=MinSizeRel >/dev/null
cmake --build build/wasm -j"$jobs"
cp build/wasm/sluice.wasm build/wasm/sluice-cli.wasm bindings/
echo "build: bindings/sluice.wasm $(stat -c %s bindings/sluice.wasm) bytes (Worker), sluice-cli.wasm $(stat -c %s bindings/sluice-cli.wasm) bytes (CLI)"
