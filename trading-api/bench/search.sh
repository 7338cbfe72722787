#!/usr/bin/env bash
# Search benchmark (not a test): Lucene vs Elasticsearch vs PostgreSQL ILIKE on N synthetic Chinese notices.
# Usage: trading-api/bench/search.sh [N]   (default 100000; set SUNBID_TEST_ELASTICSEARCH_URIS to include Elasticsearch)
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-100000}"
./mvnw -q -B -o -pl trading-api -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
CP="trading-api/target/test-classes:trading-api/target/classes:$(cat trading-api/target/bench.classpath)"
exec java -Xmx1g -Dn="$N" ${SUNBID_BENCH_OPTS:-} -cp "$CP" org.sunbid.search.internal.SearchBenchmark
