#!/usr/bin/env bash
# Runs every test of Pegasus, installing what the tests need first:
#   - Debian packages: libsqlite3-dev (GRDB), libcrypt-dev (crypt(3)), python3-venv; for the
#     schema tests node-typescript (tsc), chromium, and Node.js and a Java runtime if missing;
#   - the real djangorestframework-api-key from PyPI, in a throwaway virtualenv, which makes the
#     keys that the interop tests import and verify;
#   - openapi-spec-validator, OpenAPI Generator, schemathesis and drf-spectacular-sidecar from
#     PyPI, in a second throwaway virtualenv (Tests/Clients/requirements.txt).
# Screenshots of the docs pages are kept in test-artifacts/.
# Then one `swift test` builds and runs all test targets (one build, debug).
#
#   bash scripts/test.sh [extra swift test arguments, e.g. --filter KeyFormatTests]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v swift >/dev/null || export PATH="$PATH:/opt/swift/usr/bin"

missing=()
for package in libsqlite3-dev libcrypt-dev python3-venv node-typescript chromium; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
command -v node >/dev/null || missing+=(nodejs)
command -v java >/dev/null || missing+=(default-jre-headless)
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> installing ${missing[*]} (apt)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
echo "==> djangorestframework-api-key fixture (throwaway virtualenv in $scratch)"
python3 -m venv "$scratch/venv"
"$scratch/venv/bin/pip" install -q --disable-pip-version-check -r Tests/Interop/requirements.txt
PYTHONDONTWRITEBYTECODE=1 "$scratch/venv/bin/python" Tests/Interop/make_drf_fixture.py "$scratch/fixture"

echo "==> schema tools (throwaway virtualenv)"
python3 -m venv "$scratch/tools"
"$scratch/tools/bin/pip" install -q --disable-pip-version-check -r Tests/Clients/requirements.txt
sidecar=$("$scratch/tools/bin/python" -c 'import drf_spectacular_sidecar, os; print(os.path.join(os.path.dirname(drf_spectacular_sidecar.__file__), "static", "drf_spectacular_sidecar"))')

echo "==> swift test"
export PEGASUS_DRF_MANIFEST="$scratch/fixture/manifest.json" PEGASUS_REQUIRE_INTEROP=1
export PEGASUS_SCHEMA_TOOLS="$scratch/tools/bin" PEGASUS_DOCS_ASSETS="$sidecar" PEGASUS_REQUIRE_SCHEMA_TOOLS=1
export PEGASUS_TEST_ARTIFACTS="$PWD/test-artifacts"
swift test "$@" 2>&1 | tee "$scratch/swift-test.log"
# swift test also prints XCTest's empty "Executed 0 tests" banner (all tests use Swift Testing);
# close with the Swift Testing count as a plain summary line.
count=$(grep -oE 'Test run with [0-9]+ tests? in [0-9]+ suites? passed' "$scratch/swift-test.log" | grep -oE '[0-9]+' | head -1)
echo "${count:?no Swift Testing summary found} passed, 0 failed"
