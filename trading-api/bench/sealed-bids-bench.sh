#!/usr/bin/env bash
# Sealed bids benchmark: the deadline rush (N bidders upload S MiB sealed files at once over HTTP on loopback) next to
# sha256sum and dd conv=fsync of the same bytes, then the threshold opening of every bid next to openssl cms -decrypt +
# -verify of the same files. Usage: trading-api/bench/sealed-bids-bench.sh [bidders=20] [MiB=20]
# BENCH_JAVA_OPTS passes JVM options (e.g. a JFR recording: -XX:StartFlightRecording=filename=rush.jfr,settings=profile;
# -Dbench.opening=false measures the rush only).
# The issue's full size is: trading-api/bench/sealed-bids-bench.sh 200 20   (needs ~4 GiB in /tmp for the files,
# ~12 GiB for the platform's data dir during the opening; everything is deleted at the end).
set -euo pipefail
cd "$(dirname "$0")/../.."
CP_FILE="$(mktemp)"
# the build at the lowest CPU priority (the machine is shared); the measured java process below runs at normal priority
nice -n 19 ./mvnw -q -B -o -pl trading-api -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
CP="trading-api/target/test-classes:trading-api/target/classes:signing/target/classes:scheduler/target/classes:bidding-portal/target/classes:$(cat "$CP_FILE")"
rm -f "$CP_FILE"
exec java -Xmx3g ${BENCH_JAVA_OPTS:-} -cp "$CP" org.sunbid.bid.SealedBidBenchmark "${1:-20}" "${2:-20}"
