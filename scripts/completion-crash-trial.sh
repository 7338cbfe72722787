#!/usr/bin/env bash
# The full kill -9 trial of bid completion (issue 13): the platform in its own JVM is killed with SIGKILL at N random
# instants during completions (default 20) and must finish every one when the client retries. Prints each instant and
# the seed; add the figures to docs/reliability.md. Usage: scripts/completion-crash-trial.sh [instants] [seed]
set -euo pipefail
cd "$(dirname "$0")/.."
instants="${1:-20}"
seed_arg=()
if [[ $# -ge 2 ]]; then seed_arg=("-Dsunbid.crash.seed=$2"); fi
./mvnw -B -o -q -pl trading-api test -Dtest=CompletionCrashTests -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsunbid.crash.instants="$instants" "${seed_arg[@]}"
grep -A "$((instants + 1))" "completion crash trial" trading-api/target/surefire-reports/org.sunbid.bid.CompletionCrashTests-output.txt
