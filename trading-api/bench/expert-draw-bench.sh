#!/usr/bin/env bash
# Expert draw benchmark: a library of N experts (default 100,000), 50 declared conflicts per lot, every avoidance rule;
# times the whole draw, the selection step and draw-verify against SHA-256 of the record in the same run.
# Usage: trading-api/bench/expert-draw-bench.sh [experts] [draws] [warm]   ("warm": only the warm draws)
set -euo pipefail
cd "$(dirname "$0")/../.."
CP_FILE="$(mktemp)"
./mvnw -q -B -o -pl trading-api -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
CP="trading-api/target/test-classes:trading-api/target/classes:signing/target/classes:scheduler/target/classes:$(cat "$CP_FILE")"
rm -f "$CP_FILE"
exec java -Xmx2g -XX:FlightRecorderOptions:stackdepth=256 ${JAVA_OPTS:-} -cp "$CP" org.sunbid.expert.ExpertDrawBenchmark "${1:-100000}" "${2:-20}" ${3:-}
