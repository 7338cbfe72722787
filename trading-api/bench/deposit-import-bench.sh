#!/usr/bin/env bash
# Deposit statement import benchmark: a camt.053.001.08 of N entries (default 1,000,000) imported with matching,
# against PostgreSQL COPY of the same rows in the same run; prints times, the ratio and the peak heap.
# Usage: trading-api/bench/deposit-import-bench.sh [entries] [bidders] [lots per bidder]   (default 1000000 20 500)
# SUNBID_BENCH_OPTS adds JVM options, e.g. "-Dlogging.level.org.sunbid.deposit.StatementImports=DEBUG" for the phases
# or "-XX:StartFlightRecording=filename=import.jfr,settings=profile" for a JFR profile.
set -euo pipefail
cd "$(dirname "$0")/../.."
CP_FILE="$(mktemp)"
./mvnw -q -B -o -pl trading-api -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
CP="trading-api/target/test-classes:trading-api/target/classes:signing/target/classes:scheduler/target/classes:$(cat "$CP_FILE")"
rm -f "$CP_FILE"
uptime
exec java -Xmx${SUNBID_BENCH_HEAP:-512m} ${SUNBID_BENCH_OPTS:-} -cp "$CP" org.sunbid.deposit.StatementImportBenchmark "${1:-1000000}" "${2:-20}" "${3:-500}"
