#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on a loopback port for the platform's tests and benchmarks.
#
#   eval "$(scripts/pg-test-cluster.sh start)"   # starts it (or finds it running); prints `export PLATFORM_TEST_PG=…`
#   scripts/pg-test-cluster.sh url                # the connection URL of the running cluster
#   scripts/pg-test-cluster.sh stop               # stops it and deletes its data
#
# ECW_PG_DIR (default $TMPDIR/ecw-pg-test-$USER) holds the data, the log and the socket; ECW_PG_PORT
# picks the port (default: a free one). ECW_PG_FSYNC=off starts it without fsync, for test runs only (.ci/run):
# every test database is created and dropped, and each DROP DATABASE forces a checkpoint, flushed to disk
# with fsync on (about a second per PostgreSQL test on a busy machine). Commits still reach the operating
# system before they return, so a crash of the server loses nothing; only one of the machine would.
# Benchmarks need the durable default (they compare with SQLite's synchronous=FULL).
# Run as root, the server runs as the `postgres` user (runuser), since PostgreSQL refuses to run as root.
# Trust authentication is safe here: the cluster listens on 127.0.0.1 only and holds nothing but test data.
set -euo pipefail

DIR="${ECW_PG_DIR:-${TMPDIR:-/tmp}/ecw-pg-test-$(id -un)}"
DATA="$DIR/data"

bin() {
  if command -v "$1" >/dev/null 2>&1; then command -v "$1"; return; fi
  local found
  found="$(ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$found" ]; then echo "pg-test-cluster: $1 not found (apt-get install postgresql)" >&2; exit 1; fi
  echo "$found"
}

# Runs a PostgreSQL program as the cluster's owner.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })"
}

url() {
  echo "postgres://postgres@127.0.0.1:$(cat "$DIR/port")/postgres"
}

running() {
  [ -f "$DIR/port" ] && as_owner "$(bin pg_ctl)" -D "$DATA" status >/dev/null 2>&1
}

start() {
  if running; then echo "export PLATFORM_TEST_PG=$(url)"; return; fi
  rm -rf "$DIR"
  mkdir -p "$DIR"
  chmod 700 "$DIR"
  if [ "$(id -u)" = 0 ]; then chown postgres "$DIR"; fi
  as_owner "$(bin initdb)" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; exit 1; }
  local port="${ECW_PG_PORT:-$(free_port)}"
  echo "$port" >"$DIR/port"
  # Durable settings (fsync on) unless ECW_PG_FSYNC=off, as a production server: the benchmarks compare it with SQLite's synchronous=FULL.
  local fsync="on"
  if [ "${ECW_PG_FSYNC:-on}" = off ]; then fsync="off"; fi
  as_owner "$(bin pg_ctl)" -D "$DATA" -l "$DIR/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$DIR -c max_connections=300 -c fsync=$fsync" >/dev/null \
    || { cat "$DIR/server.log" >&2; exit 1; }
  echo "export PLATFORM_TEST_PG=$(url)"
}

stop() {
  if [ -d "$DATA" ]; then as_owner "$(bin pg_ctl)" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$DIR"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) running && url ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
