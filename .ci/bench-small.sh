#!/usr/bin/env bash
# The scale benchmark (bench/bench_scale.py) at a small size, on SQLite and then on the
# PostgreSQL server of .ci/postgres.sh in an empty database of its own. Not a timed
# test: it runs so the benchmark keeps working (pages, public pages, alerts, ingest,
# extraction on 1 and 2 workers); it fails only if the benchmark itself fails.
set -euo pipefail
cd "$(dirname "$0")/.."

PY="${HABEAS_VENV:-.venv}/bin/python"
ARGS=(--persons 300 --clients 5 --requests 20 --publish 40
      --ingest-at 60 --ingest-sample 20 --extract-reports 200)

echo "== bench_scale.py, small size, SQLite"
"$PY" bench/bench_scale.py "${ARGS[@]}"

server="$(bash .ci/postgres.sh)"
"$PY" - "$server" <<'PY'
import sys

import psycopg

with psycopg.connect(sys.argv[1], autocommit=True) as conn:
    conn.execute("DROP DATABASE IF EXISTS habeas_bench")
    conn.execute("CREATE DATABASE habeas_bench")
PY
echo "== bench_scale.py, small size, PostgreSQL"
HABEAS_DATABASE_URL="${server%/*}/habeas_bench" "$PY" bench/bench_scale.py "${ARGS[@]}"
