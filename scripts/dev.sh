#!/usr/bin/env bash
# Sets up whatever is missing, builds, prepares the database and serves the reference Worker on
# http://127.0.0.1:${PORT:-8787}.
#   scripts/dev.sh          the local D1: migrations/ applied, seeded (idempotent, kept across runs)
#   scripts/dev.sh --neon   Postgres: a private cluster behind sluice-gateway, migrations-pg/
#                           applied, seeded; Ctrl-C stops it all and removes the cluster
set -euo pipefail
cd "$(dirname "$0")/.."

neon=0
for arg in "$@"; do
  case "$arg" in
    --neon) neon=1 ;;
    *) echo "usage: scripts/dev.sh [--neon]" >&2; exit 2 ;;
  esac
done

scripts/bootstrap.sh
scripts/build.sh
if ((neon)); then
  exec node scripts/dev-neon.mjs
fi
node scripts/local-db.mjs
exec node_modules/.bin/wrangler dev --ip 127.0.0.1 --port "${PORT:-8787}"
