#!/usr/bin/env bash
# Evaluation benchmark (not a test): one lot of N bids evaluated by M experts; baseline = one plain PAdES signature.
# Usage: trading-api/bench/evaluation-bench.sh [bids] [members]   (default 200 9)
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -o -pl signing,trading-api test-compile
if [ ! -s trading-api/target/bench.classpath ]; then
  ./mvnw -q -B -o -pl trading-api dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.classpath
fi
CP="trading-api/target/test-classes:trading-api/target/classes:signing/target/classes:$(cat trading-api/target/bench.classpath)"
exec java -Xmx1g -Dbids="${1:-200}" -Dmembers="${2:-9}" ${SUNBID_BENCH_OPTS:-} -cp "$CP" \
  org.sunbid.evaluation.internal.EvaluationBenchmark
