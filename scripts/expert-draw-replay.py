#!/usr/bin/env python3
"""Replays a Sunbid expert draw record (draw.json and its pool.txt) with nothing but the Python standard library.

An independent implementation of docs/expert-draw.md: it checks the pool file against the SHA-256 the record names,
recomputes the commitment, the seed and the members and reserves and prints DIFFERENT lines when they disagree
(exit 3). It does not check the platform's signature or timestamp: `bidtool draw-verify --trust root-ca.pem` does that.

    python3 scripts/expert-draw-replay.py draw.json pool.txt
"""
import hashlib
import json
import struct
import sys


class Stream:
    """Block j = SHA-256(seed || uint64_be(j)), bytes read in order."""

    def __init__(self, seed):
        self.seed, self.counter, self.block, self.used = seed, 0, b"", 32

    def byte(self):
        if self.used == 32:
            self.block = hashlib.sha256(self.seed + struct.pack(">Q", self.counter)).digest()
            self.counter, self.used = self.counter + 1, 0
        self.used += 1
        return self.block[self.used - 1]

    def below(self, n):
        limit = 2**32 - (2**32 % n)
        while True:
            r = int.from_bytes(bytes(self.byte() for _ in range(4)), "big")
            if r < limit:
                return r % n


def seed(secret, bid_hashes, lot, sequence):
    data = secret + b"".join(bytes.fromhex(h) for h in bid_hashes) + lot.encode("utf-8")
    if sequence > 0:
        data += struct.pack(">I", sequence)
    return hashlib.sha256(data).digest()


def draw(seed_bytes, groups, pool, excluded):
    stream, picked, members, reserves = Stream(seed_bytes), set(), [], []
    admits = lambda g, c: any(s.startswith(g["specialty"]) for s in c["specialties"]) and (
        g["region"] is None or (c["region"] or "").startswith(g["region"]))
    eligible_by_group = [[c for c in pool if c["qualified"] and c["expert"] not in excluded and admits(g, c)]
                         for g in groups]
    for index, g in enumerate(groups):
        eligible = [c for c in eligible_by_group[index] if c["expert"] not in picked]
        if len(eligible) < g["experts"]:
            raise ValueError("group %d: %d eligible, %d needed" % (index, len(eligible), g["experts"]))
        k = min(len(eligible), g["experts"] + g["reserves"])
        prefer = g.get("preferredRegion")
        if prefer is None:
            order = [eligible[i] for i in sample(stream, len(eligible), k)]
        else:  # the preferred region first, the others only for places it cannot fill
            preferred = [c for c in eligible if (c["region"] or "").startswith(prefer)]
            others = [c for c in eligible if not (c["region"] or "").startswith(prefer)]
            kp = min(len(preferred), k)
            order = [preferred[i] for i in sample(stream, len(preferred), kp)]
            order += [others[i] for i in sample(stream, len(others), k - kp)]
        for i, c in enumerate(order):
            picked.add(c["expert"])
            (members if i < g["experts"] else reserves).append({"group": index, "expert": c["expert"]})
    return members, reserves


def sample(stream, m, k):
    """The first k of a partial Fisher-Yates shuffle of 0 .. m-1."""
    a = list(range(m))
    for i in range(k):
        j = i + stream.below(m - i)
        a[i], a[j] = a[j], a[i]
    return a[:k]


POOL_TYPE = {"sunbid-expert-draw/3": "sunbid-expert-pool/2", "sunbid-expert-draw/2": "sunbid-expert-pool/1"}


def read_pool(path):
    """The pool file: type line, asOf line, then expert TAB region TAB specialties (comma-separated) per line, and in
    sunbid-expert-pool/2 a fourth field: 1 when the expert is qualified to be drawn, 0 when not."""
    with open(path, "rb") as f:
        data = f.read()
    lines = data.decode("utf-8").split("\n")
    if lines[0] not in POOL_TYPE.values() or not lines[1].startswith("asOf\t") or lines[-1] != "":
        raise ValueError("not a sunbid-expert-pool/2 (or /1) file")
    flagged = lines[0] == "sunbid-expert-pool/2"
    pool = []
    for line in lines[2:-1]:
        fields = line.split("\t")
        if len(fields) != (4 if flagged else 3) or flagged and fields[3] not in ("0", "1"):
            raise ValueError("not a pool line: " + line)
        pool.append({"expert": fields[0], "region": fields[1] or None, "specialties": fields[2].split(","),
                     "qualified": not flagged or fields[3] == "1"})
    return data, lines[0], lines[1][5:], pool


def main(path, pool_path):
    with open(path, encoding="utf-8") as f:
        record = json.load(f)["record"]
    data, pool_type, as_of, pool = read_pool(pool_path)
    secret = bytes.fromhex(record["secret"])
    problems = []
    if hashlib.sha256(secret).hexdigest() != record["commitment"]:
        problems.append("commitment: SHA-256 of the secret does not match")
    s = seed(secret, [b["sha256"] for b in record["bids"]], record["lot"], record["sequence"])
    if s.hex() != record["seed"]:
        problems.append("seed: does not follow from the secret, the bid hashes and the lot")
    if hashlib.sha256(data).hexdigest() != record["pool"]["sha256"] or len(pool) != record["pool"]["size"]:
        problems.append("pool: the file is not the one the record names")
    if as_of != record["poolAsOf"]:
        problems.append("pool: the file is the library at another instant")
    if POOL_TYPE.get(record["type"]) != pool_type:
        problems.append("pool: a %s record does not go with a %s file" % (record["type"], pool_type))
    if pool_type == "sunbid-expert-pool/2":  # qualification is the pool file's: the record lists no unqualified expert
        unqualified = {c["expert"] for c in pool if not c["qualified"]}
        if any("not-qualified" in e["rules"] or e["expert"] in unqualified for e in record["exclusions"]):
            problems.append("exclusions: an expert is listed as not qualified, which only the pool file says")
    ids = [c["expert"] for c in pool]
    if ids != sorted(ids) or len(set(ids)) != len(ids):
        problems.append("pool: not in canonical order or not unique")
    members, reserves = draw(s, record["groups"], pool, {e["expert"] for e in record["exclusions"]})
    if members != record["members"]:
        problems.append("members differ")
    if reserves != record["reserves"]:
        problems.append("reserves differ")
    for p in problems:
        print("DIFFERENT: " + p)
    if problems:
        return 3
    print("VALID: the replay draws the same %d members and %d reserves" % (len(members), len(reserves)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
