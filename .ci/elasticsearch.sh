#!/usr/bin/env bash
# Starts a single-node Elasticsearch 9 (the integ-test zip from Maven Central) for the search contract tests.
# Usage: .ci/elasticsearch.sh [start|stop]   (default start). Prints the URL; export SUNBID_TEST_ELASTICSEARCH_URIS=<it>.
set -euo pipefail
cd "$(dirname "$0")/.."

ES_VERSION="${SUNBID_ES_VERSION:-9.1.0}"
ES_PORT="${SUNBID_ES_PORT:-9200}"
BASE="${SUNBID_ES_DIR:-/tmp/sunbid-es}"
HOME_DIR="$BASE/elasticsearch-$ES_VERSION"
PID_FILE="$BASE/es.pid"
URL="http://127.0.0.1:$ES_PORT"

stop() {
  if [[ -f "$PID_FILE" ]]; then
    local pid; pid="$(cat "$PID_FILE")"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    fi
    rm -f "$PID_FILE"
    echo "Elasticsearch stopped"
  fi
}

if [[ "${1:-start}" == "stop" ]]; then stop; exit 0; fi

if curl -fsS "$URL/_cluster/health" >/dev/null 2>&1; then
  echo "Elasticsearch already answers at $URL"
  echo "export SUNBID_TEST_ELASTICSEARCH_URIS=$URL"
  exit 0
fi

# A JDK >= 21 for Elasticsearch (the build itself runs on 17): prefer Temurin 25, else any JDK 21+.
find_jdk() {
  local candidate
  for candidate in /usr/lib/jvm/*temurin*25* /usr/lib/jvm/*; do
    [[ -x "$candidate/bin/java" ]] || continue
    local major
    major="$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
    if [[ -n "$major" && "${major%%.*}" -ge 21 ]]; then echo "$candidate"; return 0; fi
  done
  return 1
}
JDK="${ES_JAVA_HOME:-$(find_jdk || true)}"
if [[ -z "$JDK" ]]; then echo "No JDK >= 21 found under /usr/lib/jvm; set ES_JAVA_HOME" >&2; exit 1; fi

mkdir -p "$BASE"
if [[ ! -x "$HOME_DIR/bin/elasticsearch" ]]; then
  ZIP="$BASE/elasticsearch-$ES_VERSION.zip"
  if [[ ! -f "$ZIP" ]]; then
    ./mvnw -B -q dependency:copy \
      -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
      -DoutputDirectory="$BASE" -Dmdep.stripVersion=false
    mv "$BASE/elasticsearch-$ES_VERSION.zip" "$ZIP" 2>/dev/null || true
  fi
  rm -rf "$HOME_DIR.tmp" && mkdir -p "$HOME_DIR.tmp"
  (cd "$HOME_DIR.tmp" && unzip -q "$ZIP")
  mv "$HOME_DIR.tmp/elasticsearch-$ES_VERSION" "$HOME_DIR" && rm -rf "$HOME_DIR.tmp"
fi

cat > "$HOME_DIR/config/elasticsearch.yml" <<YML
cluster.name: sunbid-ci
node.name: sunbid-ci-1
discovery.type: single-node
xpack.security.enabled: false
network.host: 127.0.0.1
http.port: $ES_PORT
path.data: $BASE/data
path.logs: $BASE/logs
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
YML
mkdir -p "$HOME_DIR/config/jvm.options.d" "$BASE/data" "$BASE/logs"
ES_HEAP="${SUNBID_ES_HEAP:-512m}"
printf -- '-Xms%s\n-Xmx%s\n' "$ES_HEAP" "$ES_HEAP" > "$HOME_DIR/config/jvm.options.d/heap.options"

RUN=()
if [[ "$(id -u)" == "0" ]]; then
  id sunbid-es >/dev/null 2>&1 || useradd -r -m sunbid-es
  chown -R sunbid-es "$BASE"
  RUN=(runuser -u sunbid-es --)
fi
"${RUN[@]}" env ES_JAVA_HOME="$JDK" "$HOME_DIR/bin/elasticsearch" -d -p "$PID_FILE" >"$BASE/start.log" 2>&1 \
  || { cat "$BASE/start.log" >&2; exit 1; }

for _ in $(seq 1 120); do
  if status="$(curl -fsS "$URL/_cluster/health" 2>/dev/null)" && [[ "$status" =~ \"status\":\"(green|yellow)\" ]]; then
    echo "Elasticsearch $ES_VERSION runs at $URL (home $HOME_DIR, JDK $JDK, pid $(cat "$PID_FILE"))"
    echo "export SUNBID_TEST_ELASTICSEARCH_URIS=$URL"
    exit 0
  fi
  sleep 1
done
echo "Elasticsearch did not become healthy within 120 s; log tail:" >&2
tail -n 50 "$BASE/logs/"*.log >&2 || true
exit 1
