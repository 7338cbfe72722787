// Checks a supervision log entry in the browser, trusting nothing but WebCrypto:
//  - the entry's Merkle leaf (RFC 9162 §2.1.1: SHA-256(0x00 || leaf bytes)), where the leaf bytes are the canonical
//    JSON the server's LogEntry.leafJson() writes (keys sorted, no white space, UTF-8);
//  - the root reached from that leaf along the audit path (RFC 9162 §2.1.3.2), compared with the signed tree head;
//  - the tree head's ECDSA P-256 / SHA-256 signature over its canonical JSON, with the key in its certificate.
// Written from the RFC text; the Java side is org.sunbid.signing.merkle and org.sunbid.supervision.

const encoder = new TextEncoder();

export function hex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function fromHex(text) {
  if (typeof text !== 'string' || !/^([0-9a-fA-F]{2})*$/.test(text)) {
    throw new Error(`not hex: ${text}`);
  }
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) {
    out[i] = parseInt(text.substr(i * 2, 2), 16);
  }
  return out;
}

export function fromBase64(text) {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    out[i] = raw.charCodeAt(i);
  }
  return out;
}

export async function sha256(...parts) {
  const length = parts.reduce((n, p) => n + p.length, 0);
  const all = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', all));
}

export function equalBytes(a, b) {
  if (!a || !b || a.length !== b.length) {
    return false;
  }
  let diff = 0;
  for (let i = 0; i < a.length; i++) {
    diff |= a[i] ^ b[i];
  }
  return diff === 0;
}

/** UTF-8 as Java's String.getBytes(UTF_8) makes it: a lone surrogate becomes '?'. */
export function utf8(text) {
  return encoder.encode(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '?'));
}

/**
 * A JSON string literal escaped exactly like the server's canonical JSON (only ", \, and controls below 0x20). The log's
 * encoding V1 (entries written before V145) wrote backspace and form feed as short escapes; V2 writes them as \u0008
 * and \u000c like every other control character.
 */
export function jsonString(value, encoding = 'V2') {
  if (value === null || value === undefined) {
    return 'null';
  }
  let out = '"';
  for (const ch of String(value)) {
    const c = ch.charCodeAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b' && encoding === 'V1') out += '\\b';
    else if (ch === '\f' && encoding === 'V1') out += '\\f';
    else if (c < 0x20) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

/**
 * The leaf text of an entry as the API returns it (detailsSha256 in Base64, deviceFingerprint): the keys action,
 * actor, actorRole, at, clientIp, detailsSha256 (hex), device, seq, subject in this (sorted) order.
 */
export function leafJson(entry) {
  const e = entry.encoding === 'V1' || entry.encoding === 1 ? 'V1' : 'V2';
  return '{"action":' + jsonString(entry.action, e)
    + ',"actor":' + jsonString(entry.actor, e)
    + ',"actorRole":' + jsonString(entry.actorRole, e)
    + ',"at":' + jsonString(entry.at, e)
    + ',"clientIp":' + jsonString(entry.clientIp, e)
    + ',"detailsSha256":' + jsonString(hex(fromBase64(entry.detailsSha256)), e)
    + ',"device":' + jsonString(entry.deviceFingerprint, e)
    + ',"seq":' + BigInt(entry.seq).toString()
    + ',"subject":' + jsonString(entry.subject, e) + '}';
}

/** RFC 9162 §2.1.1: MTH({d}) = SHA-256(0x00 || d). */
export function leafHash(data) {
  return sha256(Uint8Array.of(0x00), data);
}

/** RFC 9162 §2.1.1: an interior node = SHA-256(0x01 || left || right). */
export function nodeHash(left, right) {
  return sha256(Uint8Array.of(0x01), left, right);
}

/**
 * RFC 9162 §2.1.3.2: the root that the audit path leads to from the leaf hash, or a reason why the path cannot be
 * one for this index and size ({root} or {error}).
 */
export async function rootFromPath(leafIndex, treeSize, leaf, path) {
  let fn = BigInt(leafIndex);
  let sn = BigInt(treeSize) - 1n;
  if (fn < 0n || fn > sn) {
    return { error: 'index-outside-tree' };
  }
  let r = leaf;
  for (const p of path) {
    if (p.length !== 32) {
      return { error: 'path-element-length' };
    }
    if (sn === 0n) {
      return { error: 'path-too-long' };
    }
    if ((fn & 1n) === 1n || fn === sn) {
      r = await nodeHash(p, r);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) {
    return { error: 'path-too-short' };
  }
  return { root: r };
}

/** The text a tree head's signature covers: canonical JSON of log, rootHash, timestamp, treeSize. */
export function treeHeadText(head) {
  return '{"log":"sunbid-supervision","rootHash":' + jsonString(head.rootHash) + ',"timestamp":'
    + jsonString(head.timestamp) + ',"treeSize":' + BigInt(head.treeSize).toString() + '}';
}

// --- a little DER, enough for an X.509 certificate's public key and an ECDSA signature ---------------------------

function tlv(bytes, at) {
  const tag = bytes[at];
  let length = bytes[at + 1];
  let header = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count < 1 || count > 4) {
      throw new Error('DER length');
    }
    length = 0;
    for (let i = 0; i < count; i++) {
      length = length * 256 + bytes[at + 2 + i];
    }
    header += count;
  }
  const start = at + header;
  if (start + length > bytes.length) {
    throw new Error('DER truncated');
  }
  return { tag, at, start, end: start + length };
}

function children(bytes, parent) {
  const out = [];
  for (let at = parent.start; at < parent.end;) {
    const child = tlv(bytes, at);
    out.push(child);
    at = child.end;
  }
  return out;
}

/** The DER SubjectPublicKeyInfo inside an X.509 certificate (DER). */
export function subjectPublicKeyInfo(certificate) {
  const cert = tlv(certificate, 0);
  const tbs = children(certificate, cert)[0];
  const fields = children(certificate, tbs);
  const offset = fields[0].tag === 0xa0 ? 1 : 0; // [0] version is optional
  const spki = fields[offset + 5];
  if (!spki || spki.tag !== 0x30) {
    throw new Error('no subjectPublicKeyInfo');
  }
  return certificate.slice(spki.at, spki.end);
}

/** An ECDSA signature as DER SEQUENCE { r, s } → the raw r || s WebCrypto wants. */
export function rawEcdsaSignature(der, size = 32) {
  const seq = tlv(der, 0);
  const [r, s] = children(der, seq);
  const out = new Uint8Array(size * 2);
  for (const [i, part] of [r, s].entries()) {
    let value = der.slice(part.start, part.end);
    while (value.length > size && value[0] === 0) {
      value = value.slice(1);
    }
    if (value.length > size) {
      throw new Error('ECDSA integer too long');
    }
    out.set(value, i * size + (size - value.length));
  }
  return out;
}

/**
 * Verifies a signed tree head's signature with the public key of the certificate it carries:
 * {ok: true} | {ok: false, reason} | {unsupported: reason}.
 */
export async function verifyTreeHeadSignature(head) {
  if (head.signatureAlgorithm !== 'SHA256withECDSA') {
    return { unsupported: head.signatureAlgorithm };
  }
  let key;
  try {
    key = await crypto.subtle.importKey('spki', subjectPublicKeyInfo(fromBase64(head.certificate)),
      { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  } catch (e) {
    return { unsupported: 'key: ' + e.message };
  }
  let signature;
  try {
    signature = rawEcdsaSignature(fromBase64(head.signature));
  } catch (e) {
    return { ok: false, reason: 'signature-malformed' };
  }
  const ok = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, signature, utf8(treeHeadText(head)));
  return ok ? { ok: true } : { ok: false, reason: 'signature-invalid' };
}
