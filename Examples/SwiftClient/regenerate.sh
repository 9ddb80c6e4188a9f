#!/usr/bin/env bash
# Regenerates the committed client after the API changed (SchemaTests fails until you do):
# exports the schema with pegasusd, builds apple/swift-openapi-generator once in a temporary
# folder, and rewrites Sources/ListEmployees/Generated/.
#
#   bash Examples/SwiftClient/regenerate.sh
set -euo pipefail
cd "$(dirname "$0")"
command -v swift >/dev/null || export PATH="$PATH:/opt/swift/usr/bin"
(cd ../.. && swift run pegasusd schema --file Examples/SwiftClient/openapi.yaml)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q --depth 1 --branch 1.14.3 https://github.com/apple/swift-openapi-generator "$work/generator"
(cd "$work/generator" && swift build --product swift-openapi-generator)
rm -rf Sources/ListEmployees/Generated && mkdir -p Sources/ListEmployees/Generated
"$work/generator/.build/debug/swift-openapi-generator" generate --config openapi-generator-config.yaml \
  --output-directory Sources/ListEmployees/Generated openapi.yaml
