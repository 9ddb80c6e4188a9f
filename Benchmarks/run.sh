#!/usr/bin/env bash
# Reproduces the figures in Docs/benchmarks.md, Swift and Python in the same run on this machine:
#   1. KeyCoreBenchmarks (release build): generate, verify, reject, create, revoke against SQLite
#      stores of SIZES keys;
#   2. djangorestframework-api-key's in-process timings (is_valid, create_key, ...), using the
#      reference peer in ../shared/peers/django (copied to a temporary folder: it is read-only);
#   3. a summary with the ratios.
#
#   bash Benchmarks/run.sh          # full run, about 8 minutes on 2 cores
#   SIZES=1000,100000 SECONDS_PER=1 DJANGO_BIG_N=10000 bash Benchmarks/run.sh   # quick look
#
# Output: Benchmarks/out/{keycore.tsv,django_small.tsv,django_big.tsv,summary.txt} (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v swift >/dev/null || export PATH="$PATH:/opt/swift/usr/bin"

SIZES=${SIZES:-1000,100000,1000000}
SECONDS_PER=${SECONDS_PER:-3}
DJANGO_BIG_N=${DJANGO_BIG_N:-100000}
INPROC_N=${INPROC_N:-2000}
PEER=${PEER:-../shared/peers/django}
OUT=Benchmarks/out
mkdir -p "$OUT"
log() { printf '\n==> %s\n' "$*" >&2; }

log "building KeyCoreBenchmarks (release)"
swift build -c release --product KeyCoreBenchmarks
bench=$(swift build -c release --show-bin-path)/KeyCoreBenchmarks

log "djangorestframework-api-key in-process timings (peer: $PEER)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$PEER"/. "$work"/
rm -rf "$work/.venv" "$work"/*.sqlite3
python3 -m venv "$work/.venv"
"$work/.venv/bin/pip" install -q --disable-pip-version-check -r "$work/requirements.txt"
for label in small big; do
  if [ "$label" = small ]; then seed=(10); else seed=("$DJANGO_BIG_N" --bulk); fi
  (cd "$work" && export PEER_DB="$label.sqlite3" && .venv/bin/python manage.py migrate -v0 \
    && .venv/bin/python seed.py "${seed[@]}" --keys-file "keys_$label.txt" >/dev/null \
    && .venv/bin/python bench_inproc.py --label "$label" --n "$INPROC_N" --pbkdf2-n 2 --out inproc.tsv >&2)
  cp "$work/inproc.tsv" "$OUT/django_$label.tsv"
done
django_versions=$("$work/.venv/bin/pip" freeze --disable-pip-version-check | grep -iE '^(django|djangorestframework|djangorestframework-api-key)==' | paste -sd' ')

log "KeyCore benchmarks (sizes $SIZES, ${SECONDS_PER}s each)"
"$bench" --sizes "$SIZES" --seconds "$SECONDS_PER" --out "$OUT/keycore.tsv" > /dev/null

# ops/s of an operation: keycore OP KEYS TASKS | django LABEL OP HASHER
keycore() { awk -F'\t' -v op="$1" -v k="$2" -v t="$3" '$1==op && $2==k && $3==t {print $5}' "$OUT/keycore.tsv"; }
django() { awk -F'\t' -v op="$2" -v h="$3" '$1==op && $2==h {printf "%.0f", $5}' "$OUT/django_$1.tsv"; }
largest=${SIZES##*,}
smallest=${SIZES%%,*}
valid_big=$(keycore "verify valid" "$largest" 1)
valid_small=$(keycore "verify valid" "$smallest" 1)
drf_small=$(django small "is_valid(valid)" sha512)
drf_big=$(django big "is_valid(valid)" sha512)
{
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(swift --version 2>&1 | head -1), python $(python3 -c 'import sys; print(sys.version.split()[0])'), $django_versions"
  echo
  column -t -s $'\t' "$OUT/keycore.tsv"
  echo
  echo "djangorestframework-api-key, 10 keys in the database:"
  column -t -s $'\t' "$OUT/django_small.tsv"
  echo
  echo "djangorestframework-api-key, $DJANGO_BIG_N keys in the database:"
  column -t -s $'\t' "$OUT/django_big.tsv"
  echo
  awk -v vb="$valid_big" -v vs="$valid_small" -v ds="$drf_small" -v db="$drf_big" -v l="$largest" -v s="$smallest" -v n="$DJANGO_BIG_N" 'BEGIN {
    printf "KeyCore verify valid, %d keys, 1 task: %d/s\n", l, vb
    printf "cost growth from %d to %d keys: %.2fx (time per verification)\n", s, l, vs / vb
    printf "djangorestframework-api-key is_valid(valid): %d/s (10 keys), %d/s (%d keys)\n", ds, db, n
    printf "ratio, KeyCore at %d keys vs is_valid at %d keys: %.0fx\n", l, n, vb / db
  }'
} | tee "$OUT/summary.txt"
