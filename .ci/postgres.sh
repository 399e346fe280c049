#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the JDBC tests on 127.0.0.1:${AISTATS_PG_PORT:-55432}, database
# "aistats", user "postgres", trust authentication on loopback only. Installs Debian's postgresql when missing.
# Idempotent: a server already answering on the port is left as it is.
set -euo pipefail
port=${AISTATS_PG_PORT:-55432}
data=${AISTATS_PG_DATA:-/tmp/aistats-pg-$port}

if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  echo "== PostgreSQL already answers on 127.0.0.1:$port"
  exit 0
fi

# initdb refuses to run as root: the server runs as the postgres user when we are root.
as_server() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

rm -rf "$data"
mkdir -p "$data"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$data"
as_server "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
# fsync off: a test database that is thrown away needs no durability, and it keeps 2 cores free for the tests
as_server "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start \
  -o "-p $port -c listen_addresses=127.0.0.1 -k /tmp -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
"$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -c "CREATE DATABASE aistats" >/dev/null
echo "== PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (database aistats)"
