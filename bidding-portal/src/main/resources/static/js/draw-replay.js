// Replays an expert draw record in the browser, as docs/expert-draw.md specifies it and bidtool draw-verify and
// scripts/expert-draw-replay.py do: the secret against its commitment, the seed from the secret, the bid hashes and the
// lot, the pool file against the digest the record names, then every group's sample from the SHA-256 stream (WebCrypto).
// The record's CMS signature and RFC 3161 token are not checked here: bidtool draw-verify does that.

const encoder = new TextEncoder();

async function sha256(bytes) {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

function hex(bytes) {
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

function unhex(text) {
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) {
    out[i] = parseInt(text.substr(2 * i, 2), 16);
  }
  return out;
}

function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Block j = SHA-256(seed ‖ uint64_be(j)), read byte by byte. */
class Stream {
  constructor(seed) {
    this.seed = seed;
    this.counter = 0n;
    this.block = new Uint8Array(0);
    this.used = 0;
  }

  async byte() {
    if (this.used === this.block.length) {
      const j = new Uint8Array(8);
      new DataView(j.buffer).setBigUint64(0, this.counter++);
      this.block = await sha256(concat([this.seed, j]));
      this.used = 0;
    }
    return this.block[this.used++];
  }

  /** Uniform in [0, n): rejection sampling over big-endian uint32. */
  async below(n) {
    const range = 2 ** 32;
    const limit = range - (range % n);
    for (;;) {
      const r = (await this.byte()) * 2 ** 24 + (await this.byte()) * 2 ** 16 + (await this.byte()) * 2 ** 8
        + (await this.byte());
      if (r < limit) {
        return r % n;
      }
    }
  }
}

/** The first k of a partial Fisher–Yates shuffle of 0 … m−1. */
async function sample(stream, m, k) {
  const a = Array.from({ length: m }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + await stream.below(m - i);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, k);
}

/** The pool file type each record type goes with (docs/expert-draw.md). */
const POOL_TYPE = { 'sunbid-expert-draw/3': 'sunbid-expert-pool/2', 'sunbid-expert-draw/2': 'sunbid-expert-pool/1' };

/** Pool file: type, asOf, then expert TAB region TAB specialties (TAB 1 or 0 for qualified in sunbid-expert-pool/2). */
export function parsePool(bytes) {
  const lines = new TextDecoder().decode(bytes).split('\n');
  const type = lines[0];
  if (!Object.values(POOL_TYPE).includes(type) || !lines[1].startsWith('asOf\t') || lines[lines.length - 1] !== '') {
    throw new Error('not a sunbid-expert-pool/2 (or /1) file');
  }
  const flagged = type === 'sunbid-expert-pool/2';
  return {
    type,
    asOf: lines[1].substring(5),
    candidates: lines.slice(2, -1).map(line => {
      const fields = line.split('\t');
      if (fields.length !== (flagged ? 4 : 3) || (flagged && fields[3] !== '0' && fields[3] !== '1')) {
        throw new Error('not a pool line: ' + line);
      }
      return { expert: fields[0], region: fields[1] || null, specialties: fields[2].split(','),
        qualified: !flagged || fields[3] === '1' };
    }),
  };
}

async function draw(seed, groups, pool, excluded) {
  const stream = new Stream(seed);
  const picked = new Set();
  const members = [];
  const reserves = [];
  const admits = (g, c) => c.specialties.some(s => s.startsWith(g.specialty))
    && (g.region == null || (c.region || '').startsWith(g.region));
  const byGroup = groups.map(g => pool.filter(c => c.qualified && !excluded.has(c.expert) && admits(g, c)));
  for (let index = 0; index < groups.length; index++) {
    const g = groups[index];
    const eligible = byGroup[index].filter(c => !picked.has(c.expert));
    if (eligible.length < g.experts) {
      throw new Error(`group ${index}: ${eligible.length} eligible, ${g.experts} needed`);
    }
    const k = Math.min(eligible.length, g.experts + g.reserves);
    let order;
    if (g.preferredRegion == null) {
      order = (await sample(stream, eligible.length, k)).map(i => eligible[i]);
    } else {
      const preferred = eligible.filter(c => (c.region || '').startsWith(g.preferredRegion));
      const others = eligible.filter(c => !(c.region || '').startsWith(g.preferredRegion));
      const kp = Math.min(preferred.length, k);
      order = (await sample(stream, preferred.length, kp)).map(i => preferred[i]);
      order = order.concat((await sample(stream, others.length, k - kp)).map(i => others[i]));
    }
    order.forEach((c, i) => {
      picked.add(c.expert);
      (i < g.experts ? members : reserves).push({ group: index, expert: c.expert });
    });
  }
  return { members, reserves };
}

const same = (a, b) => a.length === b.length && a.every((p, i) => p.group === b[i].group && p.expert === b[i].expert);

/**
 * Replays {@code record} (the "record" object of a signed draw record) over the pool file's bytes; returns the list of
 * differences (problem keys with details; empty when the replay matches) and the replayed counts.
 */
export async function replay(record, poolBytes) {
  const problems = [];
  const secret = unhex(record.secret);
  if (hex(await sha256(secret)) !== record.commitment) {
    problems.push('commitment');
  }
  const parts = [secret, ...record.bids.map(b => unhex(b.sha256)), encoder.encode(record.lot)];
  if (record.sequence > 0) {
    const s = new Uint8Array(4);
    new DataView(s.buffer).setUint32(0, record.sequence);
    parts.push(s);
  }
  const seed = await sha256(concat(parts));
  if (hex(seed) !== record.seed) {
    problems.push('seed');
  }
  const poolNamed = hex(await sha256(poolBytes)) === record.pool.sha256;
  let pool;
  try {
    pool = parsePool(poolBytes);
  } catch (error) {
    if (poolNamed) {
      throw error;
    }
    // a file other than the one the record names, not even a pool file: nothing to replay it over
    problems.push('pool');
    return { problems, members: 0, reserves: 0 };
  }
  if (!poolNamed || pool.candidates.length !== record.pool.size || pool.asOf !== record.poolAsOf) {
    problems.push('pool');
  }
  if (POOL_TYPE[record.type] !== pool.type) {
    problems.push('pool-type');
  }
  if (pool.type === 'sunbid-expert-pool/2') { // qualification is the pool file's: the record lists no unqualified expert
    const unqualified = new Set(pool.candidates.filter(c => !c.qualified).map(c => c.expert));
    if (record.exclusions.some(e => e.rules.includes('not-qualified') || unqualified.has(e.expert))) {
      problems.push('exclusions');
    }
  }
  const ids = pool.candidates.map(c => c.expert);
  if (ids.some((id, i) => i > 0 && !(ids[i - 1] < id))) {
    problems.push('pool-order');
  }
  let outcome = { members: [], reserves: [] };
  try {
    outcome = await draw(seed, record.groups, pool.candidates, new Set(record.exclusions.map(e => e.expert)));
  } catch {
    problems.push('pool-too-small');
  }
  if (!same(outcome.members, record.members)) {
    problems.push('members');
  }
  if (!same(outcome.reserves, record.reserves)) {
    problems.push('reserves');
  }
  return { problems, members: outcome.members.length, reserves: outcome.reserves.length };
}
