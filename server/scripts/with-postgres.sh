#!/bin/sh
# Runs a command with a throwaway PostgreSQL cluster on 127.0.0.1:
#   sh scripts/with-postgres.sh <command> [args...]
# initdb into a temp dir, start on a free port (55432 upwards, or PG_PORT) with
# fsync off (PG_FSYNC=on for benchmarks that must pay for durability),
# create database "consentry", export DATABASE_URL, run the command, then stop
# the cluster and delete the dir, whether the command passed, failed or was
# interrupted. As root the server runs as the postgres user. PG_DIR_PREFIX
# (e.g. /tmp/ingest-pg.) names where the temp dir goes on a shared machine.
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
  # From / : the postgres user may not be allowed into the caller's folder.
  as_pg() { (cd / && runuser -u postgres -- "$@"); }
  PG_USER=postgres
  # Directly under /tmp: the postgres user cannot enter a root-only $TMPDIR
  # (CI gives each run a private one).
  PG_DIR="$(mktemp -d "${PG_DIR_PREFIX:-/tmp/consentry-pg.}XXXXXX")"
  chown postgres "$PG_DIR"
else
  as_pg() { "$@"; }
  PG_USER="$(id -un)"
  PG_DIR="$(mktemp -d "${PG_DIR_PREFIX:-${TMPDIR:-/tmp}/consentry-pg.}XXXXXX")"
fi

cleanup() {
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_answers() {
  node -e "const s = require('net').connect($1, '127.0.0.1');
    s.on('connect', () => process.exit(0)); s.on('error', () => process.exit(1));" 2>/dev/null
}

as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" --auth=trust --username="$PG_USER" --encoding=UTF8 --no-sync >"$PG_DIR/initdb.log" 2>&1 || {
  cat "$PG_DIR/initdb.log" >&2; exit 1; }

# First port from 55432 that nothing answers on. Someone else may take it
# between the probe and the start, so a failed bind moves on to the next one.
PG_PORT="${PG_PORT:-55432}"
attempts=0
while :; do
  while [ "$PG_PORT" -lt 55632 ] && port_answers "$PG_PORT"; do PG_PORT=$((PG_PORT + 1)); done
  if as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=${PG_FSYNC:-off}" start >/dev/null; then
    break
  fi
  attempts=$((attempts + 1))
  if [ "$attempts" -ge 5 ] || ! grep -q "already in use" "$PG_DIR/server.log"; then
    cat "$PG_DIR/server.log" >&2
    exit 1
  fi
  : >"$PG_DIR/server.log"
  PG_PORT=$((PG_PORT + 1))
done
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" consentry

export DATABASE_URL="postgres://$PG_USER@127.0.0.1:$PG_PORT/consentry"
echo "with-postgres: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT, fsync=${PG_FSYNC:-off}" >&2

status=0
"$@" || status=$?
exit "$status"
