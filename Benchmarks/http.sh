#!/usr/bin/env bash
# The request paths a client of pegasusd pays for, over HTTP on loopback, with the Django and Vapor
# peers measured the same way in the same run: req/s, p50 and p99 per scenario.
#
#   bash Benchmarks/http.sh        # about 8 minutes on 2 cores once the Vapor peer is built
#
# pegasusd (release) is seeded with one user, 20 employees, a Pro personal workspace with 20 bots
# and a read-only personal access token, and 10^3 stored keys; then 10^6 keys are added straight
# into its SQLite store and the key routes are measured again. Scenarios:
#   livez                 the ceiling: a route of the same server that touches nothing
#   healthz               one SQLite read
#   list_key              employee list (a count and a page of 20), valid API key
#   list_jwt / list_session   the same with the login API's JWT / the browser's session cookie
#   list_malformed / list_unknown / list_wrong_secret / list_revoked   refused keys (401)
#   bots_pat              GET /api/bots/ (20 bots) with a personal access token
# at 32 connections, the key routes also at 64. Peers: ../shared/peers/django (gunicorn, 2 sync
# workers) and ../shared/peers/vapor (Vapor 4 + Fluent on SQLite; its release build takes ~13 min
# the first time and is reused), valid key and wrong secret on their employee list.
#
# wrk runs with 2 threads beside the server on the same cores: the load generator takes about one
# of the two, so every figure is for a server with roughly one core. Knobs: DURATION=10s
# REPEATS=1 (median by req/s) PORT=18090 SKIP_PEERS=1.
# Output: Benchmarks/out/http.tsv and http_summary.txt (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
REPEATS=${REPEATS:-1}
PORT=${PORT:-18090}
DJANGO=${DJANGO:-../shared/peers/django}
VAPOR=${VAPOR:-../shared/peers/vapor}
OUT=Benchmarks/out
BASE="http://127.0.0.1:$PORT"
mkdir -p "$OUT"
work=$(mktemp -d)
server_pid=""
stop_server() { if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=""; fi; }
trap 'stop_server; rm -rf "$work"' EXIT
source Benchmarks/lib.sh

# measure SERVER SCENARIO CONNS PATH [HEADER]: REPEATS wrk runs, the median by req/s (with its
# p50 and p99) into http.tsv, with the status a single request gets.
measure() {
  local server=$1 scenario=$2 conns=$3 path=$4 header=${5:-X-Nothing: none} runs=() status
  for run in $(seq 1 "$REPEATS"); do
    wrk -t2 -c"$conns" -d"$DURATION" --latency -H "$header" "$BASE$path" > "$work/wrk-$run.txt"
    runs+=("$(awk '/Requests\/sec/ {print $2}' "$work/wrk-$run.txt") $(percentile 50 "$work/wrk-$run.txt") $(percentile 99 "$work/wrk-$run.txt")")
    log "$server $scenario c$conns run $run: ${runs[-1]} (req/s p50 p99)"
  done
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "$header" "$BASE$path")
  printf '%s\t%s\t%s\t%s\t%s\n' "$server" "$scenario" "$conns" "$status" \
    "$(printf '%s\n' "${runs[@]}" | sort -n | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}' | tr ' ' '\t')" >> "$OUT/http.tsv"
}

# A native key with the given body's checksum (KeyFormat: CRC-32 of the text, 6 base62 digits).
with_checksum() { python3 -c 'import sys, zlib
A = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
body, v, out = sys.argv[1], zlib.crc32(sys.argv[1].encode()), ""
for _ in range(6): out, v = A[v % 62] + out, v // 62
print(body + out)' "$1"; }

printf 'server\tscenario\tconns\tstatus\treq_per_s\tp50_ms\tp99_ms\n' > "$OUT/http.tsv"

build_pegasusd
data="$work/pegasus-data"
# Every API-key request is metered against the owner's monthly quota; the benchmark measures the
# request path, so the quotas are set out of reach and the sign-in throttle is off.
PEGASUS_MONTHLY_QUOTA_FREE=2000000000 PEGASUS_MONTHLY_QUOTA_PRO=2000000000 PEGASUS_THROTTLE_AUTH=off \
  "$bin" serve --port "$PORT" --data-dir "$data" --log-level warning > "$work/pegasusd.log" 2>&1 &
server_pid=$!
wait_up /livez "$server_pid"
signup=$(curl -s -D "$work/headers.txt" -X POST "$BASE/api/auth/register/" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"a bench password"}')
access=$(json_field access <<< "$signup")
session=$(grep -i '^set-cookie: sessionid=' "$work/headers.txt" | sed 's/^[^:]*: //; s/;.*//' | tr -d '\r')
json=(-H "Authorization: Bearer $access" -H 'Content-Type: application/json')
key=$(curl -s -X POST "$BASE/api/keys/" "${json[@]}" -d '{"name":"bench"}' | json_field key)
revoked=$(curl -s -X POST "$BASE/api/keys/" "${json[@]}" -d '{"name":"revoked"}')
curl -s -o /dev/null -X DELETE "$BASE/api/keys/$(json_field id <<< "$revoked")/" -H "Authorization: Bearer $access"
revoked=$(json_field key <<< "$revoked")
for i in $(seq 1 20); do
  curl -s -o /dev/null -X POST "$BASE/pegasus/employees/api/employees/" "${json[@]}" \
    -d "{\"name\":\"Employee $i\",\"department\":\"engineering\",\"salary\":$((1000 * i))}"
done
personal=$("$bin" workspaces list --json --data-dir "$data" | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')
"$bin" workspaces set-plan "$personal" pro --data-dir "$data" > /dev/null
for i in $(seq 1 20); do curl -s -o /dev/null -X POST "$BASE/api/bots/" "${json[@]}" -d "{\"name\":\"Bot $i\"}"; done
pat=$(curl -s -X POST "$BASE/api/tokens/" "${json[@]}" -d '{"name":"bench","preset":"read-only","expires_in_days":30}' | json_field token)
# 10^3 keys in all: the rest straight into the store (same columns as KeyCore writes; digests that
# match nothing), so that the lookup runs in a realistic B-tree.
seed_keys() { python3 - "$data/pegasus.sqlite3" "$1" <<'PY'
import os, secrets, sqlite3, sys, time, uuid
db, total = sqlite3.connect(sys.argv[1], timeout=30), int(sys.argv[2])
have = db.execute("SELECT count(*) FROM stored_key").fetchone()[0]
alphabet, now = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", int(time.time() * 1000)
rows = (("".join(secrets.choice(alphabet) for _ in range(12)), str(uuid.uuid4()), "pgk", "sha256$" + os.urandom(32).hex(),
         f"seeded {i}", "user:seeded", "", now) for i in range(have, total))
db.executemany("INSERT OR IGNORE INTO stored_key (lookup_id, id, type, digest, name, owner, scopes, created_at) VALUES (?,?,?,?,?,?,?,?)", rows)
db.commit()
print(db.execute("SELECT count(*) FROM stored_key").fetchone()[0])
PY
}
log "stored keys: $(seed_keys 1000)"

lookup=${key#pgk_}; lookup=${lookup%%_*}
secret=${key##*_}; secret=${secret:0:32}
flip() { [ "${1:0:1}" = A ] && echo "B${1:1}" || echo "A${1:1}"; }
malformed="${key:0:${#key}-1}$(flip "${key: -1}" | cut -c1)"
unknown=$(with_checksum "pgk_$(flip "$lookup")_$secret")
wrong_secret=$(with_checksum "pgk_${lookup}_$(flip "$secret")")

list=/pegasus/employees/api/employees/
measure pegasusd livez 32 /livez
measure pegasusd livez 64 /livez
measure pegasusd healthz 32 /healthz
measure pegasusd list_key 32 $list "Authorization: Api-Key $key"
measure pegasusd list_key 64 $list "Authorization: Api-Key $key"
measure pegasusd list_jwt 32 $list "Authorization: Bearer $access"
measure pegasusd list_session 32 $list "Cookie: sessionid=${session#sessionid=}"
measure pegasusd list_malformed 32 $list "Authorization: Api-Key $malformed"
measure pegasusd list_unknown 32 $list "Authorization: Api-Key $unknown"
measure pegasusd list_wrong_secret 32 $list "Authorization: Api-Key $wrong_secret"
measure pegasusd list_revoked 32 $list "Authorization: Api-Key $revoked"
measure pegasusd bots_pat 32 /api/bots/ "Authorization: Bearer $pat"

log "stored keys: $(seed_keys 1000000)"
measure pegasusd list_key_1e6 32 $list "Authorization: Api-Key $key"
measure pegasusd list_key_1e6 64 $list "Authorization: Api-Key $key"
measure pegasusd list_wrong_secret_1e6 32 $list "Authorization: Api-Key $wrong_secret"
rss=$(awk '/VmHWM/ {print $2 / 1024}' "/proc/$server_pid/status")
stop_server

if [ -z "${SKIP_PEERS:-}" ]; then
  log "Django peer (gunicorn -w 2 -k sync, as in its results.md)"
  cp -r "$DJANGO"/. "$work/django"/
  rm -rf "$work/django/.venv" "$work/django"/*.sqlite3
  python3 -m venv "$work/django/.venv"
  "$work/django/.venv/bin/pip" install -q --disable-pip-version-check -r "$work/django/requirements.txt"
  (cd "$work/django" && PEER_DB=bench.sqlite3 .venv/bin/python manage.py migrate -v0 \
    && PEER_DB=bench.sqlite3 .venv/bin/python seed.py 1000 --keys-file keys.txt > /dev/null)
  dkey=$(head -1 "$work/django/keys.txt")
  dbad="${dkey%%.*}.$(printf 'x%.0s' $(seq 1 32))"
  (cd "$work/django" && exec env PEER_DB=bench.sqlite3 .venv/bin/gunicorn peer.wsgi:application --bind "127.0.0.1:$PORT" \
    --workers 2 -k sync --no-control-socket --log-level warning > "$work/gunicorn.log" 2>&1) &
  server_pid=$!
  wait_up /api/ping/ "$server_pid"
  measure django list_key 32 /api/employees/ "Authorization: Api-Key $dkey"
  measure django list_wrong_secret 32 /api/employees/ "Authorization: Api-Key $dbad"
  stop_server

  log "Vapor peer (Vapor 4 + Fluent on SQLite, release; built once, then reused)"
  (cd "$VAPOR/Peer" && swift build -c release > "$work/vapor-build.log" 2>&1)
  peer="$VAPOR/Peer/.build/release/Peer"
  (cd "$work" && PEER_DB=vapor.sqlite3 "$OLDPWD/$peer" seed 1000 --keys-file vapor-keys.txt > /dev/null)
  vkey=$(head -1 "$work/vapor-keys.txt")
  vbad="${vkey%%.*}.$(printf 'x%.0s' $(seq 1 32))"
  (cd "$work" && exec env PEER_DB=vapor.sqlite3 "$OLDPWD/$peer" serve --env production --log warning \
    --hostname 127.0.0.1 --port "$PORT" > "$work/vapor.log" 2>&1) &
  server_pid=$!
  wait_up /api/ping/ "$server_pid"
  measure vapor list_key 32 /api/employees/ "Authorization: Api-Key $vkey"
  measure vapor list_key 64 /api/employees/ "Authorization: Api-Key $vkey"
  measure vapor list_wrong_secret 32 /api/employees/ "Authorization: Api-Key $vbad"
  stop_server
fi

{
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, wrk -t2 --latency -d$DURATION, median of $REPEATS; pegasusd peak RSS ${rss} MiB"
  column -t -s $'\t' "$OUT/http.tsv"
  awk -F'\t' '{ rate[$1 " " $2 " " $3] = $5 }
    function ratio(label, a, b) { if (rate[b] > 0) printf "%-58s %8.2fx\n", label, rate[a] / rate[b] }
    END {
      ratio("list_key c32: pegasusd / django", "pegasusd list_key 32", "django list_key 32")
      ratio("list_key c32: pegasusd / vapor", "pegasusd list_key 32", "vapor list_key 32")
      ratio("list_key c64: pegasusd / vapor", "pegasusd list_key 64", "vapor list_key 64")
      ratio("list_key c32 / livez c32 (share of the ceiling)", "pegasusd list_key 32", "pegasusd livez 32")
      ratio("list_key at 10^6 keys / at 10^3 (c32)", "pegasusd list_key_1e6 32", "pegasusd list_key 32")
      ratio("wrong secret / valid key (c32)", "pegasusd list_wrong_secret 32", "pegasusd list_key 32")
      ratio("malformed / valid key (c32)", "pegasusd list_malformed 32", "pegasusd list_key 32")
      ratio("unknown / valid key (c32)", "pegasusd list_unknown 32", "pegasusd list_key 32")
      ratio("revoked / valid key (c32)", "pegasusd list_revoked 32", "pegasusd list_key 32")
    }' "$OUT/http.tsv"
} | tee "$OUT/http_summary.txt"
