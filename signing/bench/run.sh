#!/bin/sh
# Runs the signing JMH benchmarks next to `openssl speed` on one core and writes ours/openssl ratios into
# docs/benchmarks.md (section "signing"). Short runs on purpose (shared machine): ~4 minutes.
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

./mvnw -q -B -Pbench -pl signing compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
cp="signing/target/classes:$(cat signing/target/bench.classpath)"

java -cp "$cp" org.openjdk.jmh.Main -f 1 -t 1 -wi 1 -w 2s -i 3 -r 2s -rf json -rff "$out/jmh.json" \
  'org.sunbid.signing.bench.*' > "$out/jmh.txt"

speed() { openssl speed -seconds 2 "$@" 2>/dev/null; }
{
  echo "### sha256";        speed -bytes 65536 -evp sha256
  echo "### sm3";           speed -bytes 65536 -evp sm3
  echo "### gcm-enc";       speed -bytes 65536 -evp aes-256-gcm
  echo "### gcm-dec";       speed -bytes 65536 -decrypt -evp aes-256-gcm
  echo "### cbc-enc";       speed -bytes 65536 -evp aes-256-cbc
  echo "### cbc-dec";       speed -bytes 65536 -decrypt -evp aes-256-cbc
  echo "### ecdsap256";     speed ecdsap256
  echo "### rsa2048";       speed rsa2048
  echo "### sm2";           speed sm2
} > "$out/openssl.txt"

python3 signing/bench/report.py "$out/jmh.json" "$out/openssl.txt" docs/benchmarks.md
echo "wrote docs/benchmarks.md (signing section); raw output in $out/"
