#!/usr/bin/env bash
# The key-protected employee list over HTTP, pegasusd and the Django reference peer in one run:
#   GET the employee list (20 employees) with a valid user API key, and with a wrong-secret key,
#   wrk -t2 -c32 on loopback, load generator and server sharing the machine's cores.
#
#   bash Benchmarks/http.sh        # about 3 minutes on 2 cores
#
# Knobs: DURATION=10s CONNS=32 REPEATS=3 (median by req/s) PORT=18090 PEER=../shared/peers/django
# Output: Benchmarks/out/http.tsv and http_summary.txt (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v swift >/dev/null || export PATH="$PATH:/opt/swift/usr/bin"

DURATION=${DURATION:-10s}
CONNS=${CONNS:-32}
REPEATS=${REPEATS:-3}
PORT=${PORT:-18090}
PEER=${PEER:-../shared/peers/django}
OUT=Benchmarks/out
BASE="http://127.0.0.1:$PORT"
mkdir -p "$OUT"
log() { printf '\n==> %s\n' "$*" >&2; }

if ! command -v wrk >/dev/null || ! command -v curl >/dev/null; then
  log "installing wrk and curl (apt)"
  apt-get update -qq && apt-get install -y -qq wrk curl >/dev/null
fi

work=$(mktemp -d)
server_pid=""
stop_server() { if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=""; fi; }
trap 'stop_server; rm -rf "$work"' EXIT

wait_up() {
  for _ in $(seq 1 150); do
    if curl -s -o /dev/null "$BASE$1"; then return 0; fi
    kill -0 "$server_pid" 2>/dev/null || { echo "the server exited; see $work/*.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "the server did not come up" >&2; exit 1
}

# measure SERVER SCENARIO PATH HEADER: REPEATS wrk runs, the median by req/s into http.tsv
measure() {
  local server=$1 scenario=$2 path=$3 header=$4 rates=() statuses
  for run in $(seq 1 "$REPEATS"); do
    wrk -t2 -c"$CONNS" -d"$DURATION" -H "$header" "$BASE$path" > "$work/wrk.txt"
    rates+=("$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")")
    log "$server $scenario run $run: ${rates[-1]} req/s"
  done
  statuses=$(curl -s -o /dev/null -w '%{http_code}' -H "$header" "$BASE$path")
  median=$(printf '%s\n' "${rates[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%s\t%s\t%s\t%s\t%s\n' "$server" "$scenario" "$statuses" "$median" "$(IFS=/; echo "${rates[*]}")" >> "$OUT/http.tsv"
}

printf 'server\tscenario\tstatus\treq_per_s_median\truns\n' > "$OUT/http.tsv"

log "pegasusd (release build)"
swift build -c release --product pegasusd
bin=$(swift build -c release --show-bin-path)/pegasusd
# Every API-key request is metered against the owner's monthly quota (Free: 1,000 by default);
# the benchmark measures the request path, so the quota is set out of reach.
PEGASUS_MONTHLY_QUOTA_FREE=2000000000 PEGASUS_THROTTLE_AUTH=off \
  "$bin" serve --port "$PORT" --data-dir "$work/pegasus-data" --log-level warning > "$work/pegasusd.log" 2>&1 &
server_pid=$!
wait_up /healthz
access=$(curl -s -X POST "$BASE/api/auth/register/" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"a bench password"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["access"])')
key=$(curl -s -X POST "$BASE/api/keys/" -H "Authorization: Bearer $access" -H 'Content-Type: application/json' \
  -d '{"name":"bench"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')
for i in $(seq 1 20); do
  curl -s -o /dev/null -X POST "$BASE/pegasus/employees/api/employees/" -H "Authorization: Api-Key $key" \
    -H 'Content-Type: application/json' -d "{\"name\":\"Employee $i\",\"department\":\"engineering\",\"salary\":$((1000 * i))}"
done
# Same lookup id, wrong secret: the server does the lookup and the digest compare.
bad="${key%_*}_$(python3 -c 'import sys; s=sys.argv[1].rsplit("_",1)[1]; print(("A" if s[0]!="A" else "B")+s[1:])' "$key")"
measure pegasusd valid_key /pegasus/employees/api/employees/ "Authorization: Api-Key $key"
measure pegasusd wrong_secret /pegasus/employees/api/employees/ "Authorization: Api-Key $bad"
stop_server

log "Django peer (gunicorn -w 2 -k sync, as in its results.md)"
cp -r "$PEER"/. "$work/django"/
rm -rf "$work/django/.venv" "$work/django"/*.sqlite3
python3 -m venv "$work/django/.venv"
"$work/django/.venv/bin/pip" install -q --disable-pip-version-check -r "$work/django/requirements.txt"
(cd "$work/django" && PEER_DB=bench.sqlite3 .venv/bin/python manage.py migrate -v0 \
  && PEER_DB=bench.sqlite3 .venv/bin/python seed.py 10 --keys-file keys.txt > /dev/null)
dkey=$(head -1 "$work/django/keys.txt")
dbad="${dkey%%.*}.$(printf 'x%.0s' $(seq 1 32))"
(cd "$work/django" && exec env PEER_DB=bench.sqlite3 .venv/bin/gunicorn peer.wsgi:application --bind "127.0.0.1:$PORT" \
  --workers 2 -k sync --no-control-socket --log-level warning > "$work/gunicorn.log" 2>&1) &
server_pid=$!
wait_up /api/ping/
measure django valid_key /api/employees/ "Authorization: Api-Key $dkey"
measure django wrong_secret /api/employees/ "Authorization: Api-Key $dbad"
stop_server

{
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, wrk -t2 -c$CONNS -d$DURATION, median of $REPEATS"
  column -t -s $'\t' "$OUT/http.tsv"
  awk -F'\t' '$1=="pegasusd" {p[$2]=$4} $1=="django" {d[$2]=$4} END {
    for (s in p) if (d[s] > 0) printf "ratio %s: pegasusd %.0f / django %.0f = %.1fx\n", s, p[s], d[s], p[s] / d[s] }' "$OUT/http.tsv"
} | tee "$OUT/http_summary.txt"
