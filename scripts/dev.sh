#!/usr/bin/env bash
# Sets up whatever is missing, builds, prepares the local D1 (schema + seed, idempotent) and
# serves the reference Worker on http://127.0.0.1:${PORT:-8787}.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/bootstrap.sh
scripts/build.sh
node scripts/local-db.mjs
exec node_modules/.bin/wrangler dev --ip 127.0.0.1 --port "${PORT:-8787}"
