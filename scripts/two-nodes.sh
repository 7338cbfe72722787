#!/usr/bin/env bash
# Two trading-api nodes behind nginx on one machine (issue 18): Debian's PostgreSQL in a private cluster, a shared
# data directory (blobs and keys; in production a shared volume such as NFS), Elasticsearch as the search engine,
# Quartz clustered through the shared database. See README.md ("Two nodes") and docs/reliability.md.
#
#   scripts/two-nodes.sh start            PostgreSQL, Elasticsearch, node 1, node 2, nginx (each waited for)
#   scripts/two-nodes.sh stop             everything this script started, by its pid files
#   scripts/two-nodes.sh status           what runs, and each node's health through nginx
#   scripts/two-nodes.sh kill9 1|2        kill -9 one node (trials)
#   scripts/two-nodes.sh restart-node 1|2 start one node again (waits for its health)
#
#   scripts/two-nodes.sh psql [ARGS]     psql on the deployment's database (trials read it)
#   scripts/two-nodes.sh pg_dump         the database's rows as text (the trials' insider looks through it)
#
# Environment: TWO_NODES_DIR (default /tmp/sunbid-two-nodes), TWO_NODES_PORT (nginx, 18080; nodes +1, +2; PostgreSQL
# 55432), TWO_NODES_DEMO=true to seed the demo people (no demo tender), TWO_NODES_ES_PORT (the deployment's own
# Elasticsearch, 19200 — not 9200, which builds and CI use; its files under <dir>/es), TWO_NODES_HEAP (each node's
# -Xmx, 768m), TWO_NODES_ES_INDEX (the Elasticsearch alias, sunbid-two-nodes), TWO_NODES_ARGS (more arguments for
# both nodes, e.g. --sunbid.test-projects.enabled=true), TWO_NODES_THREADS and TWO_NODES_POOL (each node's request
# threads, 40, and database connections, 64; two nodes need 2 × 64 of PostgreSQL's 200).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$PWD"

BASE="${TWO_NODES_DIR:-/tmp/sunbid-two-nodes}"
PORT="${TWO_NODES_PORT:-18080}"
PG_PORT="${TWO_NODES_PG_PORT:-55432}"
ES_PORT="${TWO_NODES_ES_PORT:-19200}"
HEAP="${TWO_NODES_HEAP:-768m}"
DEMO="${TWO_NODES_DEMO:-false}"
# A request takes one connection: what used to open a second one after the commit (the deposit's refund triggers on
# every bid) is now a row written in the request's own transaction and worked off by a background thread. Two rare
# paths still open a short second transaction while the first connection is bound: the record of a refused submission,
# and a log entry published while a transaction completes. A pool smaller than the busy threads could then have every
# connection held by a thread waiting for its second (the deadline rush of 50 completions on one node once timed out
# that way with the default pool of 10). So the pool still covers every thread that can take a connection (HikariCP's
# sizing rule: threads × (2 − 1) + 1): 40 request threads, up to 10 scheduler and background threads, 64 connections.
THREADS="${TWO_NODES_THREADS:-40}"
POOL="${TWO_NODES_POOL:-64}"
JAR="$REPO/trading-api/target/trading-api-0.1.0-SNAPSHOT.jar"
PG_USER=sunbid-pg   # PostgreSQL refuses to run as root: a system user of its own when this runs as root

log() { echo "two-nodes: $*" >&2; }
node_port() { echo $((PORT + $1)); }
# a process killed with kill -9 stays a zombie until its parent reaps it: kill -0 still succeeds, so look at its state
alive() {
  [[ -f "$1" ]] || return 1
  local pid; pid="$(cat "$1")"
  kill -0 "$pid" 2>/dev/null && [[ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ]]
}

pg_bin() {
  local v
  v="$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)"
  [[ -n "$v" ]] && echo "/usr/lib/postgresql/$v/bin"
}

as_pg() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u "$PG_USER" -- "$@"; else "$@"; fi
}

need_packages() {
  local need=()
  [[ -n "$(pg_bin)" ]] || need+=(postgresql)
  command -v nginx >/dev/null || need+=(nginx-light)
  command -v curl >/dev/null || need+=(curl)
  if [[ ${#need[@]} -gt 0 ]]; then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
      log "installing ${need[*]} (Debian packages)"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
    else
      log "missing ${need[*]}: install them with apt-get"; exit 1
    fi
  fi
}

start_pg() {
  local bin; bin="$(pg_bin)"
  mkdir -p "$BASE/secrets"
  # PostgreSQL and Elasticsearch run as their own users: they must be able to pass through the base directory (one
  # made by mktemp -d is private to root); the secrets stay private
  chmod o+x "$BASE"
  chmod 700 "$BASE/secrets"
  [[ -f "$BASE/secrets/db.password" ]] || head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$BASE/secrets/db.password"
  if [[ "$(id -u)" == 0 ]]; then
    id "$PG_USER" >/dev/null 2>&1 || useradd -r -M -d "$BASE/pg" -s /usr/sbin/nologin "$PG_USER"
  fi
  if [[ ! -f "$BASE/pg/PG_VERSION" ]]; then
    mkdir -p "$BASE/pg"
    local pwfile="$BASE/pg.pwfile"
    cp "$BASE/secrets/db.password" "$pwfile"
    if [[ "$(id -u)" == 0 ]]; then chown "$PG_USER" "$BASE/pg" "$pwfile"; fi
    chmod 700 "$BASE/pg"
    as_pg "$bin/initdb" -D "$BASE/pg" -U sunbid --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
  fi
  if as_pg "$bin/pg_ctl" -D "$BASE/pg" status >/dev/null 2>&1; then
    log "PostgreSQL already runs on port $PG_PORT"
    return
  fi
  as_pg "$bin/pg_ctl" -D "$BASE/pg" -l "$BASE/pg/server.log" -w -t 60 \
    -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
  PGPASSWORD="$(cat "$BASE/secrets/db.password")" psql -h 127.0.0.1 -p "$PG_PORT" -U sunbid -d postgres -tAc \
    "select 1 from pg_database where datname = 'sunbid'" | grep -q 1 \
    || PGPASSWORD="$(cat "$BASE/secrets/db.password")" psql -q -h 127.0.0.1 -p "$PG_PORT" -U sunbid -d postgres \
      -c "create database sunbid"
  log "PostgreSQL $(basename "$(dirname "$bin")") runs on 127.0.0.1:$PG_PORT (cluster $BASE/pg)"
}

stop_pg() {
  local bin; bin="$(pg_bin)"
  if [[ -n "$bin" && -f "$BASE/pg/postmaster.pid" ]]; then
    as_pg "$bin/pg_ctl" -D "$BASE/pg" -m fast -w stop >/dev/null 2>&1 || true
    log "PostgreSQL stopped"
  fi
}

start_es() {
  # its own server, port and files: an Elasticsearch shared with a build can go away under the deployment
  mkdir -p "$BASE/es"
  SUNBID_ES_PORT="$ES_PORT" SUNBID_ES_DIR="$BASE/es" bash "$REPO/.ci/elasticsearch.sh" start >/dev/null
  log "Elasticsearch answers at http://127.0.0.1:$ES_PORT (files $BASE/es)"
}

stop_es() {
  SUNBID_ES_PORT="$ES_PORT" SUNBID_ES_DIR="$BASE/es" bash "$REPO/.ci/elasticsearch.sh" stop >/dev/null || true
}

build() {
  if [[ ! -f "$JAR" ]]; then
    log "building $JAR"
    ./mvnw -B -q -o -DskipTests -pl trading-api -am package
  fi
}

start_node() {
  local n="$1" port; port="$(node_port "$n")"
  mkdir -p "$BASE/data" "$BASE/logs"
  [[ -f "$BASE/secrets/keys.passphrase" ]] || head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$BASE/secrets/keys.passphrase"
  if alive "$BASE/node$n.pid"; then log "node $n already runs (pid $(cat "$BASE/node$n.pid"))"; return; fi
  # the deployment runs its own copy of the jar: a build may rewrite the target's while nodes run; a newer build is
  # taken when no node runs
  if [[ ! -f "$BASE/trading-api.jar" ]] || { [[ "$JAR" -nt "$BASE/trading-api.jar" ]] && ! alive "$BASE/node1.pid" \
      && ! alive "$BASE/node2.pid"; }; then
    cp "$JAR" "$BASE/trading-api.jar.new" && mv "$BASE/trading-api.jar.new" "$BASE/trading-api.jar"
  fi
  stat -c %s "$BASE/logs/node$n.log" 2>/dev/null > "$BASE/node$n.logstart" || echo 0 > "$BASE/node$n.logstart"
  SUNBID_DATA_DIR="$BASE/data" \
  SUNBID_KEYS_PASSPHRASE="$(cat "$BASE/secrets/keys.passphrase")" \
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/sunbid" \
  SPRING_DATASOURCE_USERNAME=sunbid \
  SPRING_DATASOURCE_PASSWORD="$(cat "$BASE/secrets/db.password")" \
  SUNBID_SEARCH_ELASTICSEARCH_URIS="http://127.0.0.1:$ES_PORT" \
  SUNBID_SEARCH_ELASTICSEARCH_INDEX="${TWO_NODES_ES_INDEX:-sunbid-two-nodes}" \
  SUNBID_PUBLIC_BASE_URL="http://127.0.0.1:$PORT" \
  SERVER_TOMCAT_THREADS_MAX="$THREADS" \
  SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE="$POOL" \
  SPRING_DATASOURCE_HIKARI_MINIMUM_IDLE=10 \
  PORT="$port" \
    nohup setsid java -Xmx"$HEAP" -XX:+UseSerialGC -jar "$BASE/trading-api.jar" --sunbid.scheduler.name=sunbid-two-nodes \
      --sunbid.demo="$DEMO" --sunbid.demo.tender.enabled=false --sunbid.demo.experts=0 ${TWO_NODES_ARGS:-} \
      >>"$BASE/logs/node$n.log" 2>&1 &
  echo $! > "$BASE/node$n.pid"   # setsid execs java in place: its own session, as on a machine of its own
  log "node $n starting on 127.0.0.1:$port (pid $!, log $BASE/logs/node$n.log)"
}

await_node() {
  local n="$1" port since=$SECONDS from; port="$(node_port "$n")"
  from="$(cat "$BASE/node$n.logstart" 2>/dev/null || echo 0)"
  until curl -fsS "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    if ! alive "$BASE/node$n.pid"; then log "node $n died; last lines of its log:"; tail -20 "$BASE/logs/node$n.log" >&2; return 1; fi
    # a start that failed may leave the JVM running (a library's non-daemon thread): stop it and say why
    if tail -c +$((from + 1)) "$BASE/logs/node$n.log" | grep -q 'Application run failed'; then
      log "node $n failed to start; the cause:"
      tail -c +$((from + 1)) "$BASE/logs/node$n.log" | grep -m3 '^Caused by' >&2
      stop_node "$n"
      return 1
    fi
    if (( SECONDS - since > 600 )); then log "node $n not healthy after 600 s"; return 1; fi
    sleep 2
  done
  log "node $n healthy after $((SECONDS - since)) s"
}

nginx_conf() {
  mkdir -p "$BASE/nginx/logs" "$BASE/nginx/tmp"
  cat > "$BASE/nginx/nginx.conf" <<EOF
# Generated by scripts/two-nodes.sh: two Sunbid nodes behind one nginx.
worker_processes 1;
pid $BASE/nginx/nginx.pid;
error_log $BASE/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log $BASE/nginx/logs/access.log;
  client_body_temp_path $BASE/nginx/tmp/body;
  proxy_temp_path $BASE/nginx/tmp/proxy;
  fastcgi_temp_path $BASE/nginx/tmp/fastcgi;
  uwsgi_temp_path $BASE/nginx/tmp/uwsgi;
  scgi_temp_path $BASE/nginx/tmp/scgi;
  upstream sunbid {
    server 127.0.0.1:$(node_port 1) max_fails=1 fail_timeout=5s;
    server 127.0.0.1:$(node_port 2) max_fails=1 fail_timeout=5s;
    keepalive 16;
  }
  server {
    listen 127.0.0.1:$PORT;
    # bid chunks and uploads (the platform's own limits answer with problem+json first)
    client_max_body_size 64m;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host \$host;
    proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto \$scheme;
    # a node killed mid-request: nginx retries idempotent requests on the other node; a POST whose node died
    # answers 502 and the client retries it (uploads resume by chunk, completions are idempotent). Not http_503:
    # a node answers 503 on its health when Elasticsearch is away, and both nodes would then count as dead.
    proxy_next_upstream error timeout;
    proxy_connect_timeout 2s;
    proxy_read_timeout 120s;
    location / {
      proxy_pass http://sunbid;
    }
    # server-sent events: no buffering, long reads
    location ~ ^/api/openings/.*/events\$ {
      proxy_pass http://sunbid;
      proxy_buffering off;
      proxy_cache off;
      proxy_read_timeout 1h;
    }
  }
}
EOF
}

start_nginx() {
  nginx_conf
  if alive "$BASE/nginx/nginx.pid"; then
    nginx -p "$BASE/nginx" -c "$BASE/nginx/nginx.conf" -s reload
  else
    nginx -p "$BASE/nginx" -c "$BASE/nginx/nginx.conf"
  fi
  log "nginx listens on http://127.0.0.1:$PORT (config $BASE/nginx/nginx.conf)"
}

stop_node() {
  local n="$1"
  if alive "$BASE/node$n.pid"; then
    local pid; pid="$(cat "$BASE/node$n.pid")"
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    log "node $n stopped"
  fi
  rm -f "$BASE/node$n.pid"
}

status() {
  local rc=0
  if [[ -n "$(pg_bin)" ]] && as_pg "$(pg_bin)/pg_ctl" -D "$BASE/pg" status >/dev/null 2>&1; then
    echo "postgresql  up    127.0.0.1:$PG_PORT"
  else echo "postgresql  down"; rc=1; fi
  if curl -fsS "http://127.0.0.1:$ES_PORT/_cluster/health" >/dev/null 2>&1; then
    echo "elasticsearch up  http://127.0.0.1:$ES_PORT"
  else echo "elasticsearch down"; rc=1; fi
  for n in 1 2; do
    if alive "$BASE/node$n.pid"; then
      echo "node $n      up    pid $(cat "$BASE/node$n.pid") 127.0.0.1:$(node_port "$n") health $(curl -fsS -m 5 \
        "http://127.0.0.1:$(node_port "$n")/actuator/health" 2>/dev/null || echo '(no answer)')"
    else echo "node $n      down"; rc=1; fi
  done
  if alive "$BASE/nginx/nginx.pid"; then
    echo "nginx       up    http://127.0.0.1:$PORT health $(curl -fsS -m 5 "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null \
      || echo '(no answer)')"
  else echo "nginx       down"; rc=1; fi
  return $rc
}

case "${1:-status}" in
  start)
    need_packages
    build
    start_pg
    start_es
    if [[ -f "$BASE/data/keys/platform.p12" ]]; then
      # the platform's keys exist in the shared data directory: both nodes start at once
      start_node 1 && start_node 2
      await_node 1 && await_node 2
    else
      # node 1 first: it creates the platform's keys in the shared data directory; node 2 then reads them
      start_node 1 && await_node 1
      start_node 2 && await_node 2
    fi
    start_nginx
    status
    ;;
  stop)
    if alive "$BASE/nginx/nginx.pid"; then nginx -p "$BASE/nginx" -c "$BASE/nginx/nginx.conf" -s quit; log "nginx stopped"; fi
    stop_node 2
    stop_node 1
    stop_pg
    stop_es
    log "Elasticsearch stopped"
    ;;
  psql)
    shift
    PGPASSWORD="$(cat "$BASE/secrets/db.password")" psql -h 127.0.0.1 -p "$PG_PORT" -U sunbid -d sunbid "$@"
    ;;
  pg_dump)
    PGPASSWORD="$(cat "$BASE/secrets/db.password")" pg_dump -h 127.0.0.1 -p "$PG_PORT" -U sunbid -d sunbid --data-only 2>/dev/null
    ;;
  status) status ;;
  kill9)
    n="${2:?node 1 or 2}"
    if alive "$BASE/node$n.pid"; then
      kill -9 "$(cat "$BASE/node$n.pid")" && rm -f "$BASE/node$n.pid" && log "node $n killed with kill -9"
    fi
    ;;
  restart-node)
    n="${2:?node 1 or 2}"
    start_node "$n" && await_node "$n"
    ;;
  *) echo "usage: $0 start|stop|status|kill9 N|restart-node N|psql [ARGS]|pg_dump" >&2; exit 2 ;;
esac
