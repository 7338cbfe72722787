#!/usr/bin/env bash
# Search benchmark (not a test): Lucene vs Elasticsearch vs PostgreSQL ILIKE on N synthetic Chinese notices.
# Usage: trading-api/bench/search.sh [N]   (default 100000; set SUNBID_TEST_ELASTICSEARCH_URIS to include Elasticsearch)
# SUNBID_BENCH_OPTS passes system properties, e.g. "-Dengines=lucene,elasticsearch -Drebuild=true -Dqueries=1000"
# (rebuild=true also times the same queries while Lucene rebuilds on a second thread).
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-100000}"
# The build runs at the lowest CPU priority (the machine is shared); the measured java process below does not.
nice -n 19 ./mvnw -q -B -o -pl trading-api -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
CP="trading-api/target/test-classes:trading-api/target/classes:$(cat trading-api/target/bench.classpath)"
exec java -Xmx${SUNBID_BENCH_HEAP:-1g} -XX:+UseG1GC -Dn="$N" ${SUNBID_BENCH_OPTS:-} -cp "$CP" org.sunbid.search.internal.SearchBenchmark
