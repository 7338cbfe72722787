#!/usr/bin/env bash
# Supervision log benchmark, with the former in-memory queue and with the transactional outbox in the same run: acts in
# transactions (default 20,000 on 8 threads), then N entries (default 1,000,000), a whole-log verification, 1,000 proofs,
# and sha256sum over the same bytes. Usage: trading-api/bench/supervision-bench.sh [entries] [acts] [threads]
# BENCH_JAVA_OPTS passes JVM options (e.g. -Dbench.deliveries=memory to measure one delivery path, or a JFR recording).
set -euo pipefail
cd "$(dirname "$0")/../.."
CP_FILE="$(mktemp)"
# The build runs at the lowest CPU priority (the machine is shared); the measured java process below does not.
nice -n 19 ./mvnw -q -B -o -pl trading-api -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
CP="trading-api/target/test-classes:trading-api/target/classes:signing/target/classes:scheduler/target/classes:$(cat "$CP_FILE")"
rm -f "$CP_FILE"
exec java -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "$CP" org.sunbid.supervision.bench.SupervisionLogBenchmark "${1:-1000000}" "${2:-20000}" "${3:-8}"
