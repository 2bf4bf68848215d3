#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 cluster on a free loopback port for the test suite and
# prints the URL to use (export TOONBANK_TEST_PG_URL=…). Idempotent: a cluster already
# running under the same folder is reused. PostgreSQL refuses to run as root, so the cluster
# runs as the `postgres` user when we are root.
# Usage: packaging/pg-test-cluster.sh [folder]   (default /tmp/toonbank-pg-test)
set -euo pipefail
dir="${1:-/tmp/toonbank-pg-test}"
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then as_pg=(runuser -u postgres --); fi

if [ -f "$dir/port" ] && "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
  port="$(cat "$dir/port")"
else
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    "${as_pg[@]}" "$bin/initdb" -D "$dir/data" -A trust -U postgres --no-sync >/dev/null
  fi
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  echo "$port" > "$dir/port"
  # fsync stays on: the fault tests kill the server, and the numbers should be honest.
  "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-h 127.0.0.1 -p $port -k $dir -c max_connections=200" start >/dev/null
  "${as_pg[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc \
    "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='toonbank') THEN CREATE ROLE toonbank LOGIN CREATEDB PASSWORD 'toonbank'; END IF; END\$\$;" >/dev/null
  "${as_pg[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tc "SELECT 1 FROM pg_database WHERE datname='toonbank'" | grep -q 1 ||
    "${as_pg[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres -O toonbank toonbank
fi
echo "postgresql://toonbank:toonbank@127.0.0.1:$port/toonbank"
