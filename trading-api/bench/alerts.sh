#!/usr/bin/env bash
# Collusion-signal benchmark (not a test): one lot of N bids with P-page technical PDFs; baseline = PDFBox text extraction.
# Usage: trading-api/bench/alerts.sh [bids] [pages]   (default 200 50)
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -o -pl signing,trading-api test-compile
if [ ! -s trading-api/target/bench.classpath ]; then
  ./mvnw -q -B -o -pl trading-api dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.classpath
fi
CP="trading-api/target/test-classes:trading-api/target/classes:signing/target/classes:$(cat trading-api/target/bench.classpath)"
exec java -Xmx1g -Dbids="${1:-200}" -Dpages="${2:-50}" ${SUNBID_BENCH_OPTS:-} -cp "$CP" \
  org.sunbid.alert.internal.engine.AlertBenchmark
