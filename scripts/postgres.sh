#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: a new cluster in a temporary folder, on a free
# port of 127.0.0.1, with a random superuser password, fsync off. Nothing else on the machine is
# used or changed (Debian's own cluster on 5432, if any, is left alone).
#
#   postgres_env=$(scripts/postgres.sh start) && eval "$postgres_env"
#       # sets PEGASUS_TEST_POSTGRES_URL (superuser, password, 127.0.0.1) and PEGASUS_TEST_POSTGRES_DIR
#   scripts/postgres.sh stop "$PEGASUS_TEST_POSTGRES_DIR"
#
# Needs initdb and pg_ctl: Debian's `postgresql` package puts them in /usr/lib/postgresql/*/bin
# (scripts/test.sh installs it when missing). PostgreSQL refuses to run as root, so as root the
# cluster belongs to, and runs as, the user `nobody`.
set -euo pipefail

# The newest installed server's programs, else those on PATH.
bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return; fi
  command -v initdb >/dev/null && { dirname "$(command -v initdb)"; return; }
  echo "postgres.sh: no initdb: install PostgreSQL (apt-get install postgresql)" >&2
  exit 1
}

# Runs a command as the cluster's owner: nobody when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
  else
    "$@"
  fi
}

# A port nothing on 127.0.0.1 answers on (the server's start is retried if one is taken meanwhile).
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# launch DIR PORT: starts the cluster of DIR on PORT and waits until it accepts connections.
# The server must not inherit this script's output: a caller reading it to the end (a test's
# pipe) would wait for the server to exit. pg_ctl's own words go to DIR/pg_ctl.log.
launch() {
  (cd "$1" && as_owner "$(bin_dir)/pg_ctl" --pgdata="$1/data" --log="$1/server.log" --wait --timeout=60 --silent \
    -o "-c listen_addresses=127.0.0.1 -c port=$2 -c unix_socket_directories=$1" \
    -o "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start </dev/null >"$1/pg_ctl.log" 2>&1) || { cat "$1/pg_ctl.log" >&2; return 1; }
}

start() {
  local bin dir password port
  bin=$(bin_dir)
  # As root, under /tmp: nobody must be able to reach the folder, which TMPDIR may not allow.
  dir=$(mktemp -d "$([ "$(id -u)" = 0 ] && echo /tmp || echo "${TMPDIR:-/tmp}")/pegasus-postgres.XXXXXX")
  chmod 700 "$dir"
  password=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$password" >"$dir/password"
  [ "$(id -u)" = 0 ] && chown -R nobody:nogroup "$dir"
  # Run from the folder: the server's user may not be allowed in the caller's.
  cd "$dir"
  as_owner "$bin/initdb" --pgdata="$dir/data" --username=postgres --pwfile="$dir/password" \
    --auth-host=scram-sha-256 --auth-local=trust --encoding=UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; stop "$dir"; exit 1; }
  rm -f "$dir/password"
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if launch "$dir" "$port"; then
      echo "export PEGASUS_TEST_POSTGRES_URL=postgres://postgres:$password@127.0.0.1:$port/postgres"
      echo "export PEGASUS_TEST_POSTGRES_DIR=$dir"
      return
    fi
    echo "postgres.sh: the server did not start on port $port (attempt $attempt):" >&2
    tail -5 "$dir/server.log" >&2 || true
  done
  stop "$dir"
  exit 1
}

stop() {
  local dir=${1:-}
  [ -n "$dir" ] && [ -d "$dir" ] || return 0
  if [ -f "$dir/data/postmaster.pid" ]; then
    (cd "$dir" && as_owner "$(bin_dir)/pg_ctl" --pgdata="$dir/data" --mode=immediate --wait --silent stop) >&2 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
