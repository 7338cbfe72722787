#!/usr/bin/env bash
# Supervision log benchmark: appends N entries (default 1,000,000), verifies the whole log, makes 1,000 proofs,
# and times sha256sum over the same bytes. Usage: trading-api/bench/supervision-bench.sh [entries]
set -euo pipefail
cd "$(dirname "$0")/../.."
CP_FILE="$(mktemp)"
./mvnw -q -B -o -pl trading-api -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
CP="trading-api/target/test-classes:trading-api/target/classes:signing/target/classes:scheduler/target/classes:$(cat "$CP_FILE")"
rm -f "$CP_FILE"
exec java -Xmx2g -cp "$CP" org.sunbid.supervision.bench.SupervisionLogBenchmark "${1:-1000000}"
