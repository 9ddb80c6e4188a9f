#!/usr/bin/env bash
# Does a login flood slow everyone else? p50 latency of /healthz and of the key-protected
# employee list (20 employees), idle and while 16 clients loop on POST /api/auth/login/.
#
#   bash Benchmarks/login-flood.sh        # about 2 minutes on 2 cores after the release build
#
# Light probes (wrk -t1 -c2) so the probe itself does not saturate the 2 cores; the flood is a
# second wrk (-t1 -c16) posting a wrong password (each one costs a full yescrypt verification).
# Knobs: DURATION=10s PORT=18091. Output: Benchmarks/out/login-flood.tsv (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
PORT=${PORT:-18091}
OUT=Benchmarks/out
BASE="http://127.0.0.1:$PORT"
mkdir -p "$OUT"
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
source Benchmarks/lib.sh

build_pegasusd
# The sign-in throttle is off: this measures what the hashing itself costs everyone else (with
# it on, the flood would mostly get cheap 429s).
PEGASUS_MONTHLY_QUOTA_FREE=2000000000 PEGASUS_THROTTLE_AUTH=off \
  "$bin" serve --port "$PORT" --data-dir "$work/data" --log-level error > "$work/pegasusd.log" 2>&1 &
pids+=($!)
wait_up /healthz "${pids[-1]}"

access=$(curl -s -X POST "$BASE/api/auth/register/" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"a bench password"}' | json_field access)
key=$(curl -s -X POST "$BASE/api/keys/" -H "Authorization: Bearer $access" -H 'Content-Type: application/json' \
  -d '{"name":"bench"}' | json_field key)
for i in $(seq 1 20); do
  curl -s -o /dev/null -X POST "$BASE/pegasus/employees/api/employees/" -H "Authorization: Api-Key $key" \
    -H 'Content-Type: application/json' -d "{\"name\":\"Employee $i\",\"department\":\"engineering\",\"salary\":1000}"
done
cat > "$work/login.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email": "bench@example.com", "password": "not the password"}'
LUA

# p50 PATH [HEADER]: the median latency in ms of a light probe
p50() {
  local args=(-t1 -c2 -d"$DURATION" --latency)
  [ -n "${2:-}" ] && args+=(-H "$2")
  wrk "${args[@]}" "$BASE$1" > "$work/probe.txt"
  percentile 50 "$work/probe.txt"
}

printf 'route\tidle_p50_ms\tflood_p50_ms\tratio\tlogins_per_s\n' > "$OUT/login-flood.tsv"
for probe in "/healthz|" "/pegasus/employees/api/employees/|Authorization: Api-Key $key"; do
  path=${probe%%|*} header=${probe#*|}
  log "$path idle"
  idle=$(p50 "$path" "$header")
  log "$path while 16 clients post logins"
  wrk -t1 -c16 -d"$DURATION" -s "$work/login.lua" "$BASE/api/auth/login/" > "$work/flood.txt" &
  flood_pid=$!
  sleep 1
  busy=$(p50 "$path" "$header")
  wait "$flood_pid"
  logins=$(awk '/Requests\/sec/ { print $2 }' "$work/flood.txt")
  ratio=$(python3 -c "print(f'{$busy / $idle:.2f}')")
  printf '%s\t%s\t%s\t%s\t%s\n' "$path" "$idle" "$busy" "$ratio" "$logins" >> "$OUT/login-flood.tsv"
done
column -t -s $'\t' "$OUT/login-flood.tsv"
