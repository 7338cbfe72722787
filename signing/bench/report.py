#!/usr/bin/env python3
"""Turns JMH JSON + `openssl speed` output into the "signing" section of docs/benchmarks.md."""
import json, re, sys, datetime, platform, subprocess

jmh_file, openssl_file, doc = sys.argv[1:4]
MIB64 = 64 * 1024 * 1024

def jmh():
    res = {}
    for r in json.load(open(jmh_file)):
        name = r["benchmark"].split(".")[-2] + "." + r["benchmark"].split(".")[-1]
        params = r.get("params", {})
        key = name + "[" + ",".join(params.values()) + "]" if params else name
        res[key] = (r["primaryMetric"]["score"], r["primaryMetric"]["scoreUnit"])
    return res

def openssl():
    sections, cur = {}, None
    for line in open(openssl_file):
        if line.startswith("### "):
            cur = line[4:].strip(); sections[cur] = []
        elif cur:
            sections[cur].append(line.rstrip("\n"))
    out = {}
    for name in ("sha256", "sm3", "gcm-enc", "gcm-dec", "cbc-enc", "cbc-dec"):
        for line in reversed(sections.get(name, [])):
            m = re.search(r"([\d.]+)k\s*$", line)
            if m:
                out[name] = float(m.group(1)) * 1000 / 1e6  # kB/s (1000 bytes) -> MB/s
                break
    for name, pat in (("ecdsap256", r"ecdsa \(nistp256\)"), ("rsa2048", r"^rsa 2048 bits"), ("sm2", r"sm2")):
        for line in sections.get(name, []):
            if re.search(pat, line):
                nums = re.findall(r"[\d.]+", line.split("bits")[-1] if "bits" in line else line)
                if len(nums) >= 2:
                    out[name + "-sign"], out[name + "-verify"] = float(nums[-2]), float(nums[-1])
    return out

j, o = jmh(), openssl()

def mbps(key):
    score, unit = j[key]
    assert unit == "ms/op", unit
    return MIB64 / (score / 1000) / 1e6

rows = []
def row(what, ours, base, unit, target=None):
    ratio = ours / base if base else float("nan")
    met = "" if target is None else (" ✅" if ratio >= target else " ❌ below %d%%" % (target * 100))
    rows.append("| %s | %.0f %s | %.0f %s | %.0f%%%s |" % (what, ours, unit, base, unit, ratio * 100, met))

row("SHA-256, 64 MiB streamed (JDK)", mbps("HashBenchmark.digest64MiB[SHA256]"), o.get("sha256", 0), "MB/s", 0.7)
row("SM3, 64 MiB streamed (BC)", mbps("HashBenchmark.digest64MiB[SM3]"), o.get("sm3", 0), "MB/s", 0.7)
row("seal AES-256-GCM, 64 MiB", mbps("SealBenchmark.seal64MiB[AES_256_GCM]"), o.get("gcm-enc", 0), "MB/s", 0.7)
row("open AES-256-GCM, 64 MiB", mbps("SealBenchmark.open64MiB[AES_256_GCM]"), o.get("gcm-dec", 0), "MB/s", 0.7)
row("seal AES-256-CBC, 64 MiB", mbps("SealBenchmark.seal64MiB[AES_256_CBC]"), o.get("cbc-enc", 0), "MB/s", 0.7)
row("open AES-256-CBC, 64 MiB", mbps("SealBenchmark.open64MiB[AES_256_CBC]"), o.get("cbc-dec", 0), "MB/s", 0.7)
for alg, base in (("RSA", "rsa2048"), ("EC_P256", "ecdsap256"), ("SM2", "sm2")):
    row("%s sign" % alg, j["SignatureBenchmark.sign[%s]" % alg][0], o.get(base + "-sign", 0), "ops/s")
    row("%s verify, fresh key each time" % alg, j["SignatureBenchmark.verifyFreshKey[%s]" % alg][0], o.get(base + "-verify", 0), "ops/s")

merkle = ["| Merkle inclusion proof, 1M leaves: generate | %.0f ops/s |" % j["MerkleBenchmark.generateInclusionProof"][0],
          "| Merkle inclusion proof, 1M leaves: verify | %.0f ops/s |" % j["MerkleBenchmark.verifyInclusionProof"][0]]

java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
ossl = subprocess.run(["openssl", "version"], capture_output=True, text=True).stdout.strip()
section = "\n".join([
    "<!-- signing:begin -->",
    "## signing",
    "",
    "Made by `signing/bench/run.sh` on %s (%s, %s; %s). JMH: 1 fork, 1 thread, 1×2 s warm-up, 3×2 s measurement;"
    % (datetime.date.today().isoformat(), platform.machine(), java, ossl),
    "openssl: `openssl speed -seconds 2` (single core; 64 KiB blocks for the streaming rows). Target: streaming",
    "hashing, seal and open at ≥ 70% of openssl's single-core throughput. Seal/open run memory to a discarding",
    "sink (the crypto path); real files add disk time (~360 MB/s fsync'd on this machine class).",
    "",
    "| operation | ours | openssl | ours/openssl |",
    "|---|---|---|---|",
    *rows,
    "",
    "| Merkle (no openssl equivalent) | ours |",
    "|---|---|",
    *merkle,
    "<!-- signing:end -->",
])

try:
    text = open(doc).read()
except FileNotFoundError:
    text = "# Benchmarks\n\nEach area keeps its own section, with the command that made it.\n"
if "<!-- signing:begin -->" in text:
    text = re.sub(r"<!-- signing:begin -->.*?<!-- signing:end -->", lambda m: section, text, flags=re.S)
else:
    text = text.rstrip("\n") + "\n\n" + section + "\n"
open(doc, "w").write(text)
print(section)
