#!/bin/sh
# Runs a command with a throwaway PostgreSQL cluster on 127.0.0.1:
#   sh scripts/with-postgres.sh <command> [args...]
# initdb into a temp dir, start on a free port (55432 upwards) with fsync off,
# create database "consentry", export DATABASE_URL, run the command, then stop
# the cluster and delete the dir, whether the command passed, failed or was
# interrupted. As root the server runs as the postgres user.
set -eu

if [ "$#" -eq 0 ]; then
  echo "usage: with-postgres.sh <command> [args...]" >&2
  exit 2
fi

PG_BIN="${PG_BIN:-}"
if [ -z "$PG_BIN" ]; then
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    PG_BIN="$(pg_config --bindir)"
  else
    PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  fi
fi
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ] || [ ! -x "$PG_BIN/pg_ctl" ]; then
  echo "with-postgres: PostgreSQL server binaries not found (looked for initdb and pg_ctl in ${PG_BIN:-/usr/lib/postgresql/*/bin})." >&2
  echo "with-postgres: install them first, e.g. 'sudo apt-get install -y postgresql', or set PG_BIN." >&2
  exit 127
fi

if [ "$(id -u)" = 0 ]; then
  as_pg() { runuser -u postgres -- "$@"; }
  PG_USER=postgres
else
  as_pg() { "$@"; }
  PG_USER="$(id -un)"
fi

PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/consentry-pg.XXXXXX")"
[ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"

cleanup() {
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# First port from 55432 that nothing answers on.
PG_PORT="${PG_PORT:-}"
if [ -z "$PG_PORT" ]; then
  PG_PORT=55432
  while [ "$PG_PORT" -lt 55532 ] && node -e "
    const s = require('net').connect($PG_PORT, '127.0.0.1');
    s.on('connect', () => process.exit(0)); s.on('error', () => process.exit(1));" 2>/dev/null; do
    PG_PORT=$((PG_PORT + 1))
  done
fi

as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" --auth=trust --username="$PG_USER" --encoding=UTF8 --no-sync >"$PG_DIR/initdb.log" 2>&1 || {
  cat "$PG_DIR/initdb.log" >&2; exit 1; }
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 \
  -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null || {
  cat "$PG_DIR/server.log" >&2; exit 1; }
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" consentry

export DATABASE_URL="postgres://$PG_USER@127.0.0.1:$PG_PORT/consentry"
echo "with-postgres: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT" >&2

status=0
"$@" || status=$?
exit "$status"
