#!/usr/bin/env bash
# Scheduler benchmark: jobs due within a window, fired by one and then two node JVMs; prints lateness p50/p99/max.
# Usage: scripts/bench-scheduler.sh [jobs=10000] [windowSeconds=60] [threadsPerNode=10] [batchSize=10] [batchWindowMs=500]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o -pl trading-api -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cd trading-api
exec java -Xmx512m ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.sunbid.schedule.SchedulerBenchmark "$@"
