#!/usr/bin/env bash
# Entry point for every Majlis command of the shared HTTP harness (see README.md).
#   run.sh serve            prepare a fresh installation under $BENCH_WORKDIR and exec gunicorn
#   run.sh seed|count|info  helper commands (majlis_bench.py)
# BENCH_DB=sqlite (default) or postgres: a fresh PostgreSQL database per repetition, named after
# the port, on $BENCH_PG (default postgres://postgres@127.0.0.1:5432).
set -euo pipefail
: "${BENCH_WORKDIR:=$(mktemp -d)}" "${BENCH_PORT:=0}"  # info runs without them
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# MAJLIS_CODE: run another checkout of the code (e.g. a snapshot) with this venv
if [ -n "${MAJLIS_CODE:-}" ]; then ROOT=$MAJLIS_CODE; export PYTHONPATH=$ROOT; fi
PY=${MAJLIS_PYTHON:-$HERE/../../.venv/bin/python}
export DJANGO_SETTINGS_MODULE=majlis.settings
export MAJLIS_DATA_DIR="$BENCH_WORKDIR/data"
export MAJLIS_SECRET_KEY=bench-only-not-a-secret
export MAJLIS_RATE_LIMIT_PER_IP=0 MAJLIS_RATE_LIMIT_PER_EMAIL=0
export MAJLIS_LOG_LEVEL=WARNING
export MAJLIS_WORKERS=${MAJLIS_WORKERS:-2} MAJLIS_THREADS=${MAJLIS_THREADS:-4}
PGDB="majlis_bench_$BENCH_PORT"
if [ "${BENCH_DB:-sqlite}" = postgres ]; then
  export DATABASE_URL="${BENCH_PG:-postgres://postgres@127.0.0.1:5432}/$PGDB"
fi
cmd=${1:?usage: run.sh serve|seed|count|info}
case "$cmd" in
  serve)
    mkdir -p "$MAJLIS_DATA_DIR"
    if [ "${BENCH_DB:-sqlite}" = postgres ]; then
      # databases of earlier repetitions (their servers are gone) are dropped first
      for old in $(psql "${BENCH_PG:-postgres://postgres@127.0.0.1:5432}/postgres" -Atc \
          "SELECT datname FROM pg_database WHERE datname LIKE 'majlis_bench_%'"); do
        psql "${BENCH_PG:-postgres://postgres@127.0.0.1:5432}/postgres" -qc "DROP DATABASE IF EXISTS $old WITH (FORCE)" || true
      done
      psql "${BENCH_PG:-postgres://postgres@127.0.0.1:5432}/postgres" -qc "CREATE DATABASE $PGDB"
    fi
    "$PY" "$ROOT/benchmarks/http/majlis_bench.py" prepare
    cd "$BENCH_WORKDIR"
    exec "$(dirname "$PY")/gunicorn" -c "$ROOT/deploy/gunicorn.conf.py" --bind "127.0.0.1:$BENCH_PORT" ;;
  seed|count|info)
    exec "$PY" "$ROOT/benchmarks/http/majlis_bench.py" "$cmd" ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
