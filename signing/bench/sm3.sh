#!/bin/sh
# SM3 throughput: ours and Bouncy Castle's (per thread-CPU second, median of 21 rounds) between two `openssl speed`
# runs (per user-CPU second), three times, with the load average. Usage: signing/bench/sm3.sh
set -eu
root=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
cd "$root"
cleanup() {
  rm -rf signing/target/classes/org/sunbid/signing/bench signing/target/classes/META-INF/BenchmarkList \
         signing/target/classes/META-INF/CompilerHints
}
trap cleanup EXIT
./mvnw -q -B -Pbench -pl signing compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
cp="signing/target/classes:$(cat signing/target/bench.classpath)"
openssl_sm3() { openssl speed -seconds 2 -bytes 65536 -evp sm3 2>/dev/null | awk '/^sm3/ {sub("k","",$2); printf "%.1f", $2 * 1000 / 1e6}'; }
for run in 1 2 3; do
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  before=$(openssl_sm3)
  java -cp "$cp" org.sunbid.signing.bench.Sm3Bench 21 > signing/target/sm3.json
  after=$(openssl_sm3)
  python3 - "$before" "$after" "$load" <<'PY'
import json, sys
r = json.load(open("signing/target/sm3.json"))
ossl = (float(sys.argv[1]) + float(sys.argv[2])) / 2
print(f"load {sys.argv[3]}: openssl {ossl:.0f} MB/s, ours {r['oursMBps']:.0f} MB/s ({r['oursMBps']/ossl:.0%}), "
      f"Bouncy Castle {r['bouncyCastleMBps']:.0f} MB/s ({r['bouncyCastleMBps']/ossl:.0%}), ours/BC {r['oursMBps']/r['bouncyCastleMBps']:.2f}")
PY
done
