#!/usr/bin/env bash
# Start a throw-away PostgreSQL 15 server on 127.0.0.1 for the test suite and
# print the URL to export as HABEAS_TEST_DATABASE_URL, e.g.
#     export HABEAS_TEST_DATABASE_URL="$(bash .ci/postgres.sh)"
# Everything it logs goes to stderr, so stdout is only the URL. Safe to run twice:
# a cluster already running in the data directory is reused.
set -euo pipefail

PGPORT="${HABEAS_PG_PORT:-54329}"
PGDATA="${HABEAS_PG_DATA:-/tmp/habeas-pg15}"
ROLE=habeas
PASSWORD=habeas-ci
DB=habeas

log() { echo "postgres.sh: $*" >&2; }

bindir() {
  local d
  for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  return 1
}

if ! BIN="$(bindir)"; then
  log "installing postgresql with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  BIN="$(bindir)"
fi

# initdb and the server refuse to run as root: run them as the postgres user.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -s /bin/bash -c "$*"
  else
    bash -c "$*"
  fi
}

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  log "creating a cluster in $PGDATA"
  mkdir -p "$PGDATA"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PGDATA"
  as_postgres "'$BIN/initdb' -D '$PGDATA' -U postgres -A trust -E UTF8 --locale=C.UTF-8" >&2
fi

if ! as_postgres "'$BIN/pg_ctl' -D '$PGDATA' status" >/dev/null 2>&1; then
  log "starting the server on 127.0.0.1:$PGPORT"
  # Durability settings off: this cluster holds only test data and speed matters.
  # Autovacuum off: its ANALYZE commits would change the transaction snapshot the page
  # cache's tests read as a token, at random moments.
  as_postgres "'$BIN/pg_ctl' -D '$PGDATA' -l '$PGDATA/server.log' -w \
    -o \"-c listen_addresses=127.0.0.1 -p $PGPORT -k /tmp -c fsync=off \
    -c synchronous_commit=off -c full_page_writes=off -c autovacuum=off\" start" >&2
fi

psql_admin() { "$BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname='$ROLE'")" != 1 ]; then
  # CREATEDB: the migrate-db test makes a scratch database of its own.
  psql_admin -c "CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'" >&2
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname='$DB'")" != 1 ]; then
  psql_admin -c "CREATE DATABASE $DB OWNER $ROLE" >&2
fi

echo "postgresql://$ROLE:$PASSWORD@127.0.0.1:$PGPORT/$DB"
