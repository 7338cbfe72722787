#!/bin/sh
# Runs the signing JMH benchmarks next to `openssl speed` on one core and writes ours/openssl ratios into
# docs/benchmarks.md (section "signing"). Short runs on purpose (shared machine): ~10 minutes on an idle machine.
#   signing/bench/run.sh            # from the repository root or anywhere
set -eu
root=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
cd "$root"
out=signing/target/bench
mkdir -p "$out"

cleanup() {
  # The bench profile compiles src/jmh into target/classes: remove it so normal builds never ship JMH classes.
  rm -rf signing/target/classes/org/sunbid/signing/bench signing/target/classes/META-INF/BenchmarkList \
         signing/target/classes/META-INF/CompilerHints
}
trap cleanup EXIT
trap "cleanup; exit 130" INT TERM

./mvnw -q -B -Pbench -pl signing compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
cp="signing/target/classes:$(cat signing/target/bench.classpath)"

# The machine is shared: each openssl baseline runs right before the JMH benchmarks it is compared with, and the
# load average is recorded, so a ratio compares like with like as far as possible.
speed() { openssl speed -elapsed -seconds 2 "$@" 2>/dev/null; }
cpuspeed() { openssl speed -seconds 2 "$@" 2>/dev/null; }   # default: divides by user CPU time

# 1. CPU-time comparison (robust to a loaded machine): openssl's default CPU-time rates vs ours per thread-CPU second.
{
  echo "### sha256";    cpuspeed -bytes 65536 -evp sha256
  echo "### sm3";       cpuspeed -bytes 65536 -evp sm3
  echo "### gcm-enc";   cpuspeed -bytes 65536 -evp aes-256-gcm
  echo "### gcm-dec";   cpuspeed -bytes 65536 -decrypt -evp aes-256-gcm
  echo "### cbc-enc";   cpuspeed -bytes 65536 -evp aes-256-cbc
  echo "### cbc-dec";   cpuspeed -bytes 65536 -decrypt -evp aes-256-cbc
  echo "### ecdsap256"; cpuspeed ecdsap256
  echo "### rsa2048";   cpuspeed rsa2048
  echo "### sm2";       cpuspeed sm2
} > "$out/openssl-cpu.txt"
java -cp "$cp" org.sunbid.signing.bench.CpuTimeBench 1.5 > "$out/cpu.jsonl"

# 2. JMH (wall clock), each class right after the openssl -elapsed runs it is compared with.
jmh() { java -cp "$cp" org.openjdk.jmh.Main -f 1 -t 1 -wi 2 -w 2s -i 3 -r 2s -rf json -rff "$out/jmh-$1.json" "$2" >> "$out/jmh.txt"; }
: > "$out/openssl.txt"; : > "$out/jmh.txt"
{ echo "### load-before"; cat /proc/loadavg; } >> "$out/openssl.txt"
{ echo "### sha256"; speed -bytes 65536 -evp sha256; echo "### sm3"; speed -bytes 65536 -evp sm3; } >> "$out/openssl.txt"
jmh hash 'org.sunbid.signing.bench.HashBenchmark'
{ echo "### gcm-enc"; speed -bytes 65536 -evp aes-256-gcm; echo "### gcm-dec"; speed -bytes 65536 -decrypt -evp aes-256-gcm
  echo "### cbc-enc"; speed -bytes 65536 -evp aes-256-cbc; echo "### cbc-dec"; speed -bytes 65536 -decrypt -evp aes-256-cbc; } >> "$out/openssl.txt"
jmh seal 'org.sunbid.signing.bench.SealBenchmark'
{ echo "### ecdsap256"; speed ecdsap256; echo "### rsa2048"; speed rsa2048; echo "### sm2"; speed sm2; } >> "$out/openssl.txt"
jmh signature 'org.sunbid.signing.bench.SignatureBenchmark'
jmh merkle 'org.sunbid.signing.bench.MerkleBenchmark'
{ echo "### load-after"; cat /proc/loadavg; } >> "$out/openssl.txt"
python3 -c 'import json,sys; print(json.dumps(sum((json.load(open(f)) for f in sys.argv[1:]), [])))' "$out"/jmh-*.json > "$out/jmh.json"

python3 signing/bench/report.py "$out/jmh.json" "$out/openssl.txt" docs/benchmarks.md "$out/cpu.jsonl" "$out/openssl-cpu.txt"
echo "wrote docs/benchmarks.md (signing section); raw output in $out/"
