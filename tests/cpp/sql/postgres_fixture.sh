#!/usr/bin/env bash
# The PostgreSQL the C++ golden tests prepare their Postgres statements against: a private
# cluster (ctest fixture, see CMakeLists.txt) in a temporary directory, reachable only through
# a Unix socket in that directory, run as `postgres` when we are root (Postgres refuses root).
#
#   postgres_fixture.sh start STATE_FILE   starts it; STATE_FILE receives its libpq URL
#   postgres_fixture.sh stop STATE_FILE    stops it and removes its directory
set -euo pipefail

action=${1:?start or stop}
state=${2:?state file}
bindir=${SLUICE_PG_BIN:-$(pg_config --bindir)}

as_server() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop() {
  [ -f "$state" ] || return 0
  local dir
  dir=$(sed -n 's/^dir=//p' "$state")
  if [ -n "$dir" ] && [ -d "$dir/data" ]; then
    as_server "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
  fi
  rm -f "$state"
}

case "$action" in
  start)
    stop
    dir=$(mktemp -d "${TMPDIR:-/tmp}/sluice-pg-goldens-XXXXXX")
    if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
    # Only the socket in a directory nobody else can enter: trust authentication is safe here.
    as_server "$bindir/initdb" -D "$dir/data" -U sluice --auth=trust -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    as_server "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start \
      -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off -c lc_messages=C -c max_connections=100" >/dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    printf 'dir=%s\nurl=postgresql://sluice@/postgres?host=%s\n' "$dir" "$dir" >"$state"
    ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop STATE_FILE" >&2; exit 2 ;;
esac
