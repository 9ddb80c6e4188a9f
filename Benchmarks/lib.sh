# What the HTTP benchmark scripts share; sourced by http.sh and login-flood.sh after `cd` to the
# repository root. Needs BASE (the server's address).
command -v swift >/dev/null || export PATH="$PATH:/opt/swift/usr/bin"

log() { printf '\n==> %s\n' "$*" >&2; }

if ! command -v wrk >/dev/null || ! command -v curl >/dev/null; then
  log "installing wrk and curl (apt)"
  apt-get update -qq && apt-get install -y -qq wrk curl >/dev/null
fi

# The release pegasusd, built if needed: its path in `bin`. SCRATCH=.build-NAME builds in another
# folder (so a benchmark need not wait for a test run holding .build).
build_pegasusd() {
  log "pegasusd (release build)"
  local scratch=(${SCRATCH:+--scratch-path "$SCRATCH"})
  swift build -c release "${scratch[@]}" --product pegasusd
  bin=$(swift build -c release "${scratch[@]}" --show-bin-path)/pegasusd
}

# wait_up PATH PID: until PATH answers, or fail if the process PID exited.
wait_up() {
  for _ in $(seq 1 300); do
    if curl -s -o /dev/null "$BASE$1"; then return 0; fi
    kill -0 "$2" 2>/dev/null || { echo "the server exited; see its log in $work" >&2; exit 1; }
    sleep 0.2
  done
  echo "the server did not come up" >&2; exit 1
}

# json_field NAME: that field of the JSON object on standard input.
json_field() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

# percentile P FILE: wrk --latency's P% line of FILE, in milliseconds.
percentile() { awk -v p="$1%" '$1 == p { v = $2; u = v; gsub(/[0-9.]/, "", u); gsub(/[a-z]/, "", v);
  print (u == "us" ? v / 1000 : u == "s" ? v * 1000 : v) }' "$2"; }
