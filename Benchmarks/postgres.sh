#!/usr/bin/env bash
# pegasusd on PostgreSQL next to SQLite, in one run on this machine:
#   - the key-protected employee list (20 employees, valid API key) over HTTP with wrk, on the
#     data folder's SQLite file and on a throwaway PostgreSQL server (scripts/postgres.sh);
#   - how long a revocation takes to reach another instance: two pegasusd on one database, a key
#     revoked through the first (DELETE /api/keys/{id}/), then requests with it to the second until
#     one is refused; over 100 keys, the delay from the revoke's answer to the first 401.
#
#   bash Benchmarks/postgres.sh          # about 2 minutes once pegasusd's release build exists
#
# Knobs: DURATION=10s CONNECTIONS=32 REVOKES=100 SCRATCH=.build-NAME. Output: Benchmarks/out/postgres.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
REVOKES=${REVOKES:-100}
OUT=Benchmarks/out
mkdir -p "$OUT"
work=$(mktemp -d)
pids=()
postgres_dir=""
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  [ -z "$postgres_dir" ] || scripts/postgres.sh stop "$postgres_dir"
  rm -rf "$work"
}
trap cleanup EXIT
BASE=""
source Benchmarks/lib.sh

# serve PORT ARGS…: a release pegasusd in the background, quotas out of reach, waited for.
serve() {
  local port=$1; shift
  PEGASUS_MONTHLY_QUOTA_FREE=2000000000 PEGASUS_THROTTLE_AUTH=off \
    "$bin" serve --port "$port" --log-level warning "$@" >> "$work/pegasusd-$port.log" 2>&1 &
  pids+=($!)
  BASE="http://127.0.0.1:$port" wait_up /livez "$!"
}

# seed BASE: a user with 20 employees; prints "ACCESS KEY".
seed() {
  local base=$1 signup access key
  signup=$(curl -s -X POST "$base/api/auth/register/" -H 'Content-Type: application/json' \
    -d "{\"email\":\"bench-$RANDOM@example.com\",\"password\":\"a bench password\"}")
  access=$(json_field access <<< "$signup")
  key=$(curl -s -X POST "$base/api/keys/" -H "Authorization: Bearer $access" -H 'Content-Type: application/json' -d '{"name":"bench"}' | json_field key)
  for i in $(seq 1 20); do
    curl -s -o /dev/null -X POST "$base/pegasus/employees/api/employees/" -H "Authorization: Api-Key $key" \
      -H 'Content-Type: application/json' -d "{\"name\":\"Employee $i\",\"department\":\"engineering\",\"salary\":$i}"
  done
  echo "$access $key"
}

# list BACKEND BASE KEY: wrk on the employee list; one line of the table.
list() {
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Api-Key $3" "$2/pegasus/employees/api/employees/" > "$work/wrk-$1.txt"
  printf '%-10s %10s %8s %8s\n' "$1" "$(awk '/Requests\/sec/ {print $2}' "$work/wrk-$1.txt")" \
    "$(percentile 50 "$work/wrk-$1.txt")" "$(percentile 99 "$work/wrk-$1.txt")"
}

build_pegasusd
log "a throwaway PostgreSQL"
postgres_env=$(scripts/postgres.sh start)
eval "$postgres_env"
postgres_dir=$PEGASUS_TEST_POSTGRES_DIR
psql -q "$PEGASUS_TEST_POSTGRES_URL" -c "CREATE DATABASE bench"
database="${PEGASUS_TEST_POSTGRES_URL%/postgres}/bench?sslmode=disable"

serve 18191 --data-dir "$work/data"
serve 18192 --database "$database"
serve 18193 --database "$database"
read -r _ sqlite_key <<< "$(seed http://127.0.0.1:18191)"
read -r access postgres_key <<< "$(seed http://127.0.0.1:18192)"

{
  echo "pegasusd on PostgreSQL and on SQLite, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, wrk -t2 -c$CONNECTIONS -d$DURATION"
  echo "(server, load generator and PostgreSQL share the cores)"
  echo
  echo "employee list (20 employees), valid API key"
  printf '%-10s %10s %8s %8s\n' backend req/s p50_ms p99_ms
  list sqlite http://127.0.0.1:18191 "$sqlite_key"
  list postgres http://127.0.0.1:18192 "$postgres_key"
} | tee "$OUT/postgres.txt"

log "revocation propagation over $REVOKES keys (revoked on :18192, refused on :18193)"
python3 - "$access" "$REVOKES" <<'PY' | tee -a "$OUT/postgres.txt"
import http.client, json, statistics, sys, time
access, count = sys.argv[1], int(sys.argv[2])
first, second = http.client.HTTPConnection("127.0.0.1", 18192), http.client.HTTPConnection("127.0.0.1", 18193)
def call(connection, method, path, headers, body=None):
    connection.request(method, path, body=body, headers=headers)
    reply = connection.getresponse()
    return reply.status, reply.read()
bearer = {"Authorization": "Bearer " + access, "Content-Type": "application/json"}
delays, polls = [], []
for index in range(count):
    status, body = call(first, "POST", "/api/keys/", bearer, json.dumps({"name": f"revoke {index}"}))
    key = json.loads(body)
    header = {"Authorization": "Api-Key " + key["key"]}
    assert call(second, "GET", "/pegasus/employees/api/employees/", header)[0] == 200
    assert call(first, "DELETE", f"/api/keys/{key['id']}/", bearer)[0] == 204
    revoked, tries = time.perf_counter(), 0
    while True:
        tries += 1
        if call(second, "GET", "/pegasus/employees/api/employees/", header)[0] == 401:
            break
    delays.append((time.perf_counter() - revoked) * 1000)
    polls.append(tries)
print()
print(f"revocation seen by the other instance, {count} revokes: median {statistics.median(delays):.2f} ms, "
      f"max {max(delays):.2f} ms; refused on the first request after the revoke in {polls.count(1)} of {count}")
PY
