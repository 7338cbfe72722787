#!/usr/bin/env bash
# The trials of "nothing lost, on two nodes" through the real deployment (scripts/two-nodes.sh: Debian PostgreSQL,
# two nodes, nginx, the deployment's own Elasticsearch). Each trial is one test tender, driven with curl, openssl and
# jq as docs/first-tender-with-curl.md does (its steps 1–5 are taken from that document as they stand):
#
#  (a) a deadline rush: BIDDERS bidders upload MIB MiB each through nginx at once, in CHUNK_MIB chunks; meanwhile one
#      node is killed with kill -9 and started again. A cut-off chunk or completion is resumed through nginx (it lands
#      on the other node). Every receipt issued is checked with openssl, then its bid must be opened at the opening.
#  (b) the opening: custodians fetch the session key from different nodes, seal their share to it themselves and
#      release to different nodes; the coordinating node (the one that made the session key) is killed once; the
#      custodians release again until the lot is opened.
#  (c) the scheduler through the deployment: each (kind, subject, due time) fired once and every job due for the lot
#      fired; the opening session started once; the log complete (every bid has its entries) and intact.
#  An insider searches the database rows, the shared data directory and the logs for the custodians' share values,
#  after the first release and after the opening: nothing may be found.
#
#   scripts/trials.sh [TRIALS]       default 10; prints one markdown row per trial and appends it to <dir>/results.md
#
# Environment: BIDDERS (50), MIB (20), CHUNK_MIB (4), DAY (seconds per statutory day of a test project, 15: the bid
# deadline is 22 days after publication, so sealing and the rush must fit in 22 × DAY seconds), LEAD (every date
# of the test project is LEAD seconds later, 40, so that registering and publishing it fit before its sale starts),
# TRIALS_DIR (/tmp/sunbid-trials), TRIALS_FIRST (the first trial's number, 1), KILL_AFTER (seconds into the rush, 8; or `chunk`: once every upload has
# sent its first chunk, each waiting for the kill before it sends the rest — the kill then lands during the rush
# however small the rush and however loaded the machine), TRIAL_NODE_ARGS (more node arguments),
# KEEP=true to leave the deployment running at the end. The deployment is started
# (and built when its jar is missing) with test projects on and the trials' CA trusted, and stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$PWD"
TRIALS="${1:-10}"
BIDDERS="${BIDDERS:-50}"
MIB="${MIB:-20}"
CHUNK_MIB="${CHUNK_MIB:-4}"
KILL_AFTER="${KILL_AFTER:-8}"
export DAY="${DAY:-15}"
export LEAD="${LEAD:-40}"
WORK="${TRIALS_DIR:-/tmp/sunbid-trials}"
NODES="$REPO/scripts/two-nodes.sh"
PORT="${TWO_NODES_PORT:-18080}"
mkdir -p "$WORK"
say() { echo "trials: $(date -u +%T) $*" >&2; }

# ---------------------------------------------------------------- the deployment, trusting the trials' CA
if [[ ! -f "$WORK/ca.pem" ]]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 365 -keyout "$WORK/ca.key" \
    -out "$WORK/ca.pem" -subj "/CN=Trials CA/O=Sunbid trials" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
fi
export TWO_NODES_ARGS="--sunbid.test-projects.enabled=true --sunbid.keys.trusted-cas=$WORK/ca.pem \
--sunbid.scheduler.test-project-day=${DAY}s ${TRIAL_NODE_ARGS:-}"
cleanup() { [[ "${KEEP:-false}" == true ]] || bash "$NODES" stop || true; }
trap cleanup EXIT
bash "$NODES" start
# a deployment kept from an earlier run (KEEP=true) keeps its own day length: the test project's dates would not fit
for n in 1 2; do
  pidfile="${TWO_NODES_DIR:-/tmp/sunbid-two-nodes}/node$n.pid"
  if [[ -f "$pidfile" ]] && ! tr '\0' ' ' < "/proc/$(cat "$pidfile")/cmdline" | grep -q -- "test-project-day=${DAY}s"; then
    say "node $n runs with another day length than DAY=$DAY: stop the deployment first (scripts/two-nodes.sh stop)"
    exit 1
  fi
done

node_url() { echo "http://127.0.0.1:$((PORT + $1))"; }
healthy() { curl -fsS -m 3 "$(node_url "$1")/actuator/health" 2>/dev/null | grep -q '"UP"'; }

# ---------------------------------------------------------------- steps 1–5 of the walk-through, for BIDDERS bidders
walk_through_prefix() {
  awk '/^```bash$/ {inside=1; next} /^```$/ {if (inside) print "#--block--"; inside=0; next} inside {print}' \
    "$REPO/docs/first-tender-with-curl.md" \
    | awk '/^#--block--$/ {blocks++; next} {if (stop == 0) print} /BIDDER=\$\(login bidder\$n/ {stop=1}' \
    | sed '/^curl -sS --fail-with-body -o root.pem/,$d' \
    | sed 's/^days() { at "+$(( $1 \* DAY )) seconds"; }$/days() { at "+$(( $1 * DAY + LEAD )) seconds"; }/' \
    | awk -v b="$BIDDERS" 'pending { print ($0 ~ /bidder/ ? "for n in $(seq 1 " b "); do" : "for n in 1 2 3; do"); pending = 0 }
        $0 == "for n in 1 2 3; do" { pending = 1; next }
        { print }'
}

# One bidder's tender: built and sealed before the rush (client-side work, not the platform's), then uploaded in the
# rush with resumption. Writes receipt$n.json and a line to rush.log.
prepare_bid() {
  local n=$1
  rm -rf "package$n" && mkdir -p "package$n/documents"
  { printf '%%PDF-1.4\n%% bidder %s\n' "$n"; head -c "$((MIB * 1024 * 1024))" /dev/urandom; } > "package$n/documents/tender.pdf"
  jq -n --arg lot "$LOT" --arg price "$((2800000 + n * 100)).00" --arg n "$n" '{
    format: "sunbid-bid-form/1", lot: $lot, price: $price, currency: "CNY", duration: "180 日历天",
    quality: "合格", projectManager: "项目经理", documents: ["tender.pdf"],
    fingerprint: {mac: ["02:00:00:00:\($n | tonumber | . / 256 | floor | tostring):\($n)"], cpu: ("trial-" + $n), disk: ["d-\($n)"]}
  }' > "package$n/bid-form.json"
  (cd "package$n" && rm -f "../package$n.zip" && zip -q -X -0 -r "../package$n.zip" bid-form.json documents)
  openssl cms -sign -binary -nodetach -md sha256 -outform DER -in "package$n.zip" \
    -signer "bidder$n.pem" -inkey "bidder$n.key" -out "package$n.p7m"
  openssl cms -encrypt -binary -aes-256-gcm -outform DER -in "package$n.p7m" -out "bid$n.sealed" \
    -recip opening.pem -recip "bidder$n.pem"
  rm -rf "package$n" "package$n.zip" "package$n.p7m"
}

# A request through nginx, retried while the answer is a transport error or a 502 (the node died under it).
retrying() {
  local out=$1; shift
  for _ in $(seq 1 60); do
    local code
    code=$(curl -sS -o "$out" -w '%{http_code}' "$@" 2>/dev/null || echo 000)
    if [[ "$code" =~ ^2 ]]; then return 0; fi
    if [[ "$code" != 000 && "$code" != 502 && "$code" != 504 ]]; then cat "$out" >&2; return 1; fi
    echo "retry $code" >> "retries$n.log"
    sleep 1
  done
  return 1
}

upload_bid() {
  local n=$1 token size sha upload offset chunk=$((CHUNK_MIB * 1024 * 1024)) started=$SECONDS
  # a login is a POST: nginx does not retry it on the other node when its node dies under it; the client does
  for _ in $(seq 1 30); do token=$(login "bidder$n-$RUN" "$PASSWORD" 2>/dev/null) && [[ -n "$token" ]] && break; sleep 1; done
  sha=$(sha256sum "bid$n.sealed" | cut -c1-64)
  size=$(stat -c %s "bid$n.sealed")
  retrying "upload$n.json" -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data-binary "$(jq -n --arg p "$PROJECT" --arg l "$LOT" --arg sha "$sha" --argjson size "$size" \
      '{projectId: $p, lotId: $l, size: $size, sha256: $sha}')" "$SUNBID/api/bids/uploads" || return 1
  upload=$(jq -r .uploadId "upload$n.json")
  offset=0
  while (( offset < size )); do
    # dd, not tail | head: under pipefail tail's SIGPIPE would count every chunk but the last as cut off
    if ! dd if="bid$n.sealed" iflag=skip_bytes,count_bytes skip="$offset" count="$chunk" bs=1M status=none \
      | curl -sS -f -o /dev/null -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/octet-stream' \
        --data-binary @- "$SUNBID/api/bids/uploads/$upload?offset=$offset" 2>/dev/null; then
      echo "resume" >> "retries$n.log"
      sleep 1
    fi
    # where the upload stands, whichever node answers (the chunk may have landed before the node died)
    retrying "state$n.json" -H "Authorization: Bearer $token" "$SUNBID/api/bids/uploads/$upload" || return 1
    offset=$(jq -r .received "state$n.json")
    # KILL_AFTER=chunk: every upload waits after its first chunk until the node has been killed, so the kill lands
    # with each upload opened and part-sent, its rest and its completion still to come, whatever the machine's load
    if [[ "$KILL_AFTER" == chunk && ! -e "at-kill$n" ]]; then
      touch "at-kill$n"
      until [[ -e killed ]]; do sleep 0.2; done
    fi
  done
  jq -cjn --arg lot "$LOT" --arg sha "$sha" --argjson size "$size" --arg t "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    '{lot: $lot, sha256: $sha, size: $size, clientTime: $t, fingerprint: {mac: ["02:00:00:00:00:01"], cpu: "trial", disk: ["disk"]}}' \
    > "manifest$n.json"
  openssl cms -sign -binary -nodetach -md sha256 -outform DER -in "manifest$n.json" \
    -signer "bidder$n.pem" -inkey "bidder$n.key" -out "manifest$n.p7m"
  retrying "receipt$n.json" -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data-binary "$(jq -n --arg m "$(base64 -w0 "manifest$n.p7m")" '{manifest: $m}')" \
    "$SUNBID/api/bids/uploads/$upload/complete" || return 1
  echo "$n $((SECONDS - started)) $(grep -c . "retries$n.log" 2>/dev/null || echo 0)" >> rush.log
}

receipt_verifies() {
  local n=$1
  jq -j .statement "receipt$n.json" > "statement$n.json" && jq -r .signature "receipt$n.json" | base64 -d > "statement$n.p7s" \
    && jq -r .timestampToken "receipt$n.json" | base64 -d > "token$n.tst" \
    && openssl cms -verify -binary -inform DER -in "statement$n.p7s" -content "statement$n.json" \
      -CAfile root.pem -purpose any -out /dev/null 2>/dev/null \
    && openssl ts -verify -token_in -in "token$n.tst" -digest "$(jq -r .sha256 "statement$n.json")" -CAfile root.pem \
      >/dev/null 2>&1
}

# A custodian's release through node $2: fetch the session key there, check it with openssl against the platform root,
# seal the share to it, sign the sealed bytes, release. Prints the HTTP status.
release_via() {
  local c=$1 node=$2 token url
  url=$(node_url "$node")
  token=$(SUNBID=$url login "custodian$c-$RUN" "$PASSWORD") || { echo 000; return; }
  curl -sS -f -H "Authorization: Bearer $token" "$url/api/openings/$PROJECT/$LOT/session-key" > "session-key$c.json" \
    2>/dev/null || { echo 000; return; }
  jq -r .certificate "session-key$c.json" > "session$c.pem"
  jq -j .binding "session-key$c.json" > "binding$c.json"
  jq -r .bindingSignature "session-key$c.json" | base64 -d > "binding$c.p7s"
  openssl cms -verify -binary -inform DER -in "binding$c.p7s" -content "binding$c.json" -CAfile root.pem -purpose any \
    -out /dev/null 2>/dev/null || { echo refused; return; }
  [[ "$(jq -r .lotId "binding$c.json")" == "$LOT" && "$(jq -r .keyId "binding$c.json")" == "$(jq -r .keyId "session-key$c.json")" \
    && "$(jq -r .certificateSha256 "binding$c.json")" == "$(openssl x509 -in "session$c.pem" -outform DER | sha256sum | cut -c1-64)" ]] \
    || { echo refused; return; }
  openssl cms -encrypt -binary -aes-256-gcm -outform DER -in "share$c.json" -out "release$c.sealed" -recip "session$c.pem"
  openssl cms -sign -binary -md sha256 -outform DER -in "release$c.sealed" -signer "custodian$c.pem" -inkey "custodian$c.key" \
    -out "release$c.p7s"
  curl -sS -o "released$c.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data-binary "$(jq -n --arg key "$(jq -r .keyId "session-key$c.json")" --argjson index "$(jq .index "share$c.json")" \
      --arg sealed "$(base64 -w0 "release$c.sealed")" --arg sig "$(base64 -w0 "release$c.p7s")" \
      '{keyId: $key, index: $index, sealedShare: $sealed, signature: $sig}')" \
    "$url/api/openings/$PROJECT/$LOT/shares" 2>/dev/null || echo 000
}

# An insider's look at what is at rest: every row of the database (pg_dump; bytea as hex), the shared data directory
# and both nodes' logs, searched for each custodian's share value (base64 and hex). Prints how many places hold one;
# a control (the first receipt's package hash, which the bid row stores) must be found, or the search is blind.
insider_finds_shares() {
  local dir="${TWO_NODES_DIR:-/tmp/sunbid-two-nodes}" c b64
  bash "$NODES" pg_dump > dump.sql
  if ! grep -qiF "$(jq -r .sha256 statement1.json 2>/dev/null || echo none)" dump.sql; then echo blind; return; fi
  for c in 1 2; do
    b64=$(jq -r .value "share$c.json")
    echo "$b64"
    base64 -d <<< "$b64" | od -An -tx1 | tr -d ' \n'; echo
  done > needles.txt
  # one pass per place (the data directory grows by the trials' sealed bids): the distinct needles each place holds
  { grep -aohiF -f needles.txt dump.sql | tr 'A-F' 'a-f' | sort -u | sed 's/^/db /'
    grep -raohiF -f needles.txt "$dir/data" "$dir/logs" | tr 'A-F' 'a-f' | sort -u | sed 's/^/files /'; } > found.txt || true
  rm -f dump.sql
  grep -c . found.txt || true
}

# The hall as staff see it. A node killed or stalled under the request answers 502 or 504 (or its login fails): ask again.
hall() {
  local out
  for _ in $(seq 1 60); do
    out=$(curl -sS -f -m 130 -H "Authorization: Bearer $(login "staff-$RUN" "$PASSWORD" 2>/dev/null)" \
      "$SUNBID/api/openings/$PROJECT/$LOT" 2>/dev/null) && jq -e .status <<< "$out" > /dev/null 2>&1 && { echo "$out"; return 0; }
    sleep 2
  done
  return 1
}

# The nodes' own errors so far: requests answered 500 ("Unhandled error") and out-of-memory errors, in both logs
node_errors() {
  local dir="${TWO_NODES_DIR:-/tmp/sunbid-two-nodes}/logs"
  echo "$(cat "$dir"/node*.log | grep -c 'Unhandled error' || true) $(cat "$dir"/node*.log | grep -c 'OutOfMemoryError' || true)"
}

await_healthy() {
  local n=$1 since=$2
  until healthy "$n"; do sleep 1; done
  echo $((SECONDS - since))
}

trial() {
  local t=$1 dir="$WORK/trial-$t" victim=$(( (t % 2) + 1 ))
  rm -rf "$dir" && mkdir -p "$dir" && cd "$dir"
  for n in 1 2; do healthy "$n" || bash "$NODES" restart-node "$n" > /dev/null; done
  cp "$WORK/ca.pem" "$WORK/ca.key" .
  export SUNBID="http://127.0.0.1:$PORT"
  # the walk-through's helpers, people, tenderee, bidders and published test project ($BIDDERS bidders)
  # shellcheck disable=SC1091
  source <(walk_through_prefix)
  curl -sS --fail-with-body -o root.pem "$SUNBID/api/public/verify/root-certificate"
  for n in $(seq 1 "$BIDDERS"); do
    api POST "/api/projects/$PROJECT/lots/$LOT/deposits/$(cat "bidder$n.id")/clearance" "$STAFF" > /dev/null
  done
  say "trial $t: project $PROJECT lot $LOT; sealing $BIDDERS tenders of $MIB MiB ($(df -h --output=avail "$WORK" | tail -1 | tr -d ' ') free)"
  export -f prepare_bid upload_bid retrying login api
  export LOT PROJECT RUN PASSWORD SUNBID MIB CHUNK_MIB KILL_AFTER
  seq 1 "$BIDDERS" | xargs -P 2 -I{} bash -c 'prepare_bid {}'
  local deadline; deadline=$(api GET "/api/projects/$PROJECT" "$STAFF" | jq -r .bidDeadline)
  say "trial $t: sealed; the bid deadline is $deadline, in $(( $(date -d "$deadline" +%s) - $(date +%s) ))s; the rush starts"

  # (a) the rush: everyone uploads at once; node $victim is killed with kill -9 a few seconds in, then started again
  : > rush.log
  local errors_before; errors_before=$(node_errors)
  local rush_start=$SECONDS uploads=()
  for n in $(seq 1 "$BIDDERS"); do (n=$n upload_bid "$n" || echo "$n failed" >> rush.log) & uploads+=($!); done
  if [[ "$KILL_AFTER" == chunk ]]; then
    # every upload has sent its first chunk and waits (or has failed, which fails the trial)
    until (( $(find . -maxdepth 1 -name 'at-kill*' | wc -l) + $(grep -c . rush.log || true) >= BIDDERS )); do sleep 0.2; done
  else
    sleep "$KILL_AFTER"
  fi
  # uploads not yet finished when the node dies (a finished one wrote its line to rush.log)
  local in_flight=$((BIDDERS - $(grep -c . rush.log || true)))
  local killed_at; killed_at=$(date +%s)
  bash "$NODES" kill9 "$victim"
  touch killed
  # the killed node is started again at once; it writes how long until it answered healthy
  (bash "$NODES" restart-node "$victim" > /dev/null 2>&1 && echo "$(($(date +%s) - killed_at))s" > recovered.txt \
    || echo "not healthy" > recovered.txt) &
  local restarted_pid=$!
  wait "${uploads[@]}" 2>/dev/null || true
  local rush_seconds=$((SECONDS - rush_start)) rush_end; rush_end=$(date +%s)
  wait "$restarted_pid" || true
  local recovered; recovered=$(cat recovered.txt)
  local issued=0 verified=0 failed
  failed=$(grep -c failed rush.log || true)
  for n in $(seq 1 "$BIDDERS"); do
    if [[ -s "receipt$n.json" ]] && jq -e .statement "receipt$n.json" > /dev/null 2>&1; then
      issued=$((issued + 1))
      receipt_verifies "$n" && verified=$((verified + 1))
    fi
  done
  local resumed; resumed=$(cat retries*.log 2>/dev/null | grep -c . || true)
  say "trial $t: $issued receipts issued ($failed uploads failed, $in_flight in flight at the kill), $verified verify; node $victim back after $recovered; the rush ended $(( $(date -d "$deadline" +%s) - rush_end ))s before the bid deadline"

  # the opening time
  until [[ "$(hall | jq -r '.status')" != NOT_STARTED ]] || (( $(date +%s) > $(date -d "$(hall | jq -r .openingAt)" +%s) + 120 )); do
    sleep 3
  done
  [[ "$(hall | jq -r .status)" != NOT_STARTED ]] \
    || api POST "/api/openings/$PROJECT/$LOT/start" "$(login "staff-$RUN" "$PASSWORD")" > /dev/null

  # (b) custodians open their shares offline, then release through different nodes; the coordinator is killed once
  for c in 1 2; do
    CUSTODIAN=$(login "custodian$c-$RUN" "$PASSWORD")
    api GET /api/custodians/me/shares "$CUSTODIAN" \
      | jq -r --arg lot "$LOT" '.[] | select(.lotId == $lot) | .sealedBase64' | base64 -d > "share$c.sealed"
    openssl cms -decrypt -binary -inform DER -in "share$c.sealed" -recip "custodian$c.pem" -inkey "custodian$c.key" \
      -out "share$c.json"
  done
  local opening_start=$SECONDS coordinator=1 rounds=0 killed_coordinator=no
  echo "custodian 1 via node 1: $(release_via 1 1)" >> opening.log      # node 1 makes the session key: the coordinator
  local insider_during; insider_during=$(insider_finds_shares)
  bash "$NODES" kill9 "$coordinator"; killed_coordinator=yes
  bash "$NODES" restart-node "$coordinator" > /dev/null 2>&1 &
  local restart_pid=$!
  local decrypting_since=""
  until [[ "$(hall | jq -r .status)" == OPENED ]]; do
    rounds=$((rounds + 1))
    (( rounds > 200 )) && { say "trial $t: not opened after $rounds rounds"; break; }
    local status; status=$(hall | jq -r .status)
    # the threshold is released and the bids are decrypting: a healthy opening of this size ends within a minute or
    # two; three minutes with the lot still decrypting is a stall (the trial fails: its bids are not opened)
    if [[ "$status" == OPENING ]]; then
      decrypting_since=${decrypting_since:-$SECONDS}
      (( SECONDS - decrypting_since > 180 )) && { say "trial $t: stalled, decrypting for $((SECONDS - decrypting_since))s"; break; }
    else
      decrypting_since=""
    fi
    if [[ "$status" == WAITING_FOR_SHARES ]]; then
      for c in 1 2; do
        if [[ "$(hall | jq -r --argjson i "$(jq .index "share$c.json")" '[.releasedShares[] | select(. == $i)] | length')" == 0 ]]; then
          local via=2
          healthy 1 && (( (rounds + c) % 2 == 0 )) && via=1
          echo "round $rounds custodian $c via node $via: $(release_via "$c" "$via")" >> opening.log
        fi
      done
    fi
    sleep 2
  done
  local opening_seconds=$((SECONDS - opening_start))
  wait "$restart_pid" || true

  # what was opened: every receipt's bid among the opened ones
  hall > hall.json
  local insider_after; insider_after=$(insider_finds_shares)
  local opened=0 missing_bids=0
  for n in $(seq 1 "$BIDDERS"); do
    [[ -s "statement$n.json" ]] || continue
    local bid; bid=$(jq -r .bidId "receipt$n.json")
    if jq -e --arg b "$bid" '.results[] | select(.bidId == $b and .stage == "OPENED" and .decryption == "DECRYPTED"
        and .signature == "VALID" and .hashCheck == "MATCHES")' hall.json > /dev/null; then
      opened=$((opened + 1))
    else
      missing_bids=$((missing_bids + 1))
    fi
  done

  # (c) the scheduler and the log
  local regulator; regulator=$(login "regulator-$RUN" "$PASSWORD")
  local duplicates started_once complete missing intact
  duplicates=$(bash "$NODES" psql -tAc "select count(*) from (select kind, subject, due_at from scheduler_firing
    group by 1, 2, 3 having count(*) > 1) d")
  started_once=$(bash "$NODES" psql -tAc "select count(*) from supervision_entry where action = 'bid.opening-started'
    and subject = '$LOT'")
  # every job due for this lot ran (none left pending, retrying or failed), and on which nodes
  local unfired firings
  unfired=$(bash "$NODES" psql -tAc "select count(*) from scheduler_firing where subject like '%$LOT%'
    and due_at < now() - interval '5 seconds' and status not in ('FIRED', 'CANCELLED')")
  firings=$(bash "$NODES" psql -tAc "select string_agg(kind || ' ' || n, ', ' order by kind) from (select kind,
    count(*) n from scheduler_firing where subject like '%$LOT%' and status = 'FIRED' group by kind) f")
  bash "$NODES" psql -c "select kind, subject, due_at, status, attempts, node from scheduler_firing
    where subject like '%$LOT%' order by due_at" > firings.txt
  api GET /api/supervision/completeness "$regulator" > completeness.json
  missing=$(jq -r .missingCount completeness.json)
  complete=$(jq -r .complete completeness.json)
  intact=$(api POST /api/supervision/verification "$regulator" | jq -r .intact)
  local errors_after internal_errors out_of_memory
  errors_after=$(node_errors)
  internal_errors=$(( ${errors_after% *} - ${errors_before% *} ))
  out_of_memory=$(( ${errors_after#* } - ${errors_before#* } ))
  local row
  row="| $t | $BIDDERS × $MIB MiB | node $victim, $in_flight uploads in flight | $issued | $verified | $failed | $resumed | ${rush_seconds}s | $recovered | $coordinator ($killed_coordinator) | $(grep -c 'custodian' opening.log) | ${opening_seconds}s | $opened | $missing_bids | $insider_during / $insider_after | $missing | $complete | $intact | $duplicates | $unfired | $started_once | $internal_errors / $out_of_memory | $firings |"
  echo "$row" | tee -a "$WORK/results.md"
  # the sealed tenders are the clients' copies (MIB MiB each; the platform keeps its own): keep the disk in check
  rm -f bid*.sealed
  cd "$WORK"
  # what must hold: every bidder's upload ends with a receipt (a kill may cost a retry, never a bid), every receipt
  # verifies and its bid is opened; nothing missing from the log; each firing once; no node answered 500 or ran out
  # of memory
  if (( issued != BIDDERS || failed != 0 || verified != issued || opened != issued || missing_bids != 0 )) || [[ "$missing" != 0 \
      || "$intact" != true || "$internal_errors" != 0 || "$out_of_memory" != 0 || "$duplicates" != 0 || "$unfired" != 0 || "$insider_during" != 0 || "$insider_after" != 0 || "$started_once" != 1 ]]; then
    say "trial $t FAILED (see $dir)"
    FAILED=$((FAILED + 1))
  fi
}
FAILED=0

echo "| trial | rush | node killed in the rush | receipts issued | verified after recovery | uploads failed | chunks/completions retried | rush | node back after | coordinator killed | releases sent | opening took | bids opened | receipts without an opened bid | share values found at rest (during / after) | log entries missing | log complete | log intact | duplicate firings | due jobs not fired | opening started (times) | node errors (500s / out of memory) | jobs fired |" | tee -a "$WORK/results.md"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|" | tee -a "$WORK/results.md"
FIRST="${TRIALS_FIRST:-1}"   # a later run continues the numbering (and the alternation of the killed node)
for t in $(seq "$FIRST" $((FIRST + TRIALS - 1))); do
  trial "$t"
done
say "$TRIALS trial(s), $FAILED failed; rows in $WORK/results.md"
(( FAILED == 0 ))
