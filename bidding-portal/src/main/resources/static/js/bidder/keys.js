// The bidder's own key, used in the browser and never uploaded: read PEM/DER files, import a PKCS#8 (or SEC1 /
// PKCS#1) EC P-256 or RSA private key into WebCrypto, make raw signatures the server accepts (ECDSA as DER, not
// WebCrypto's IEEE P1363 r||s) and CMS SignedData (RFC 5652) with signed attributes, as `bidtool sign` writes.
// Only ASN.1 encoding is done here; every cryptographic operation is WebCrypto's.

const OID = {
  ecPublicKey: '1.2.840.10045.2.1', p256: '1.2.840.10045.3.1.7', rsa: '1.2.840.113549.1.1.1',
  sha256: '2.16.840.1.101.3.4.2.1', ecdsaSha256: '1.2.840.10045.4.3.2', rsaSha256: '1.2.840.113549.1.1.11',
  data: '1.2.840.113549.1.7.1', signedData: '1.2.840.113549.1.7.2', envelopedData: '1.2.840.113549.1.7.3',
  authEnvelopedData: '1.2.840.113549.1.9.16.1.23', contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4', signingTime: '1.2.840.113549.1.9.5',
};

/** A key file or signature the page cannot use; message is a bundle key. */
export class KeyFileError extends Error {
  constructor(key) {
    super(key);
    this.key = key;
  }
}

// ---- DER reading

/**
 * Reads one TLV at offset: {tag, offset, start (of the content), contentEnd, end (after it)}. BER indefinite lengths
 * (as Bouncy Castle's streaming CMS writes them) are followed to their end-of-contents marker.
 */
export function tlv(bytes, offset = 0, depth = 0) {
  if (offset + 2 > bytes.length || depth > 40) {
    throw new KeyFileError('keys.error.der');
  }
  const tag = bytes[offset];
  let length = bytes[offset + 1];
  let start = offset + 2;
  if (length === 0x80) {
    if (!(tag & 0x20)) {
      throw new KeyFileError('keys.error.der');
    }
    let at = start;
    while (!(bytes[at] === 0 && bytes[at + 1] === 0)) {
      at = tlv(bytes, at, depth + 1).end;
    }
    return { tag, offset, start, contentEnd: at, end: at + 2 };
  }
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count > 4 || start + count > bytes.length) {
      throw new KeyFileError('keys.error.der');
    }
    length = 0;
    for (let i = 0; i < count; i++) {
      length = length * 256 + bytes[start + i];
    }
    start += count;
  }
  const end = start + length;
  if (end > bytes.length) {
    throw new KeyFileError('keys.error.der');
  }
  return { tag, offset, start, contentEnd: end, end };
}

/** The TLVs directly inside a constructed TLV. */
export function children(bytes, node) {
  const list = [];
  let at = node.start;
  while (at < node.contentEnd) {
    const child = tlv(bytes, at);
    list.push(child);
    at = child.end;
  }
  return list;
}

/** The bytes of an OCTET STRING, primitive or constructed (BER chunks). */
function octetValue(bytes, node) {
  if (node.tag === 0x04) {
    return bytes.slice(node.start, node.end);
  }
  return concat(...children(bytes, node).map((c) => octetValue(bytes, c)));
}

export function oidText(bytes, node) {
  const parts = [];
  let value = 0;
  for (let i = node.start; i < node.end; i++) {
    value = value * 128 + (bytes[i] & 0x7f);
    if (!(bytes[i] & 0x80)) {
      if (parts.length === 0) {
        const first = Math.min(2, Math.floor(value / 40));
        parts.push(first, value - first * 40);
      } else {
        parts.push(value);
      }
      value = 0;
    }
  }
  return parts.join('.');
}

// ---- DER writing

export function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function der(tag, ...content) {
  const body = concat(...content);
  let header;
  if (body.length < 0x80) {
    header = [tag, body.length];
  } else {
    const len = [];
    for (let n = body.length; n > 0; n = Math.floor(n / 256)) {
      len.unshift(n % 256);
    }
    header = [tag, 0x80 | len.length, ...len];
  }
  return concat(Uint8Array.from(header), body);
}

const seq = (...c) => der(0x30, ...c);
const set = (...c) => der(0x31, ...c);
const octets = (b) => der(0x04, b);
const NULL = Uint8Array.from([0x05, 0x00]);

function oid(text) {
  const parts = text.split('.').map(Number);
  const out = [40 * parts[0] + parts[1]];
  for (const part of parts.slice(2)) {
    const groups = [];
    let n = part;
    do {
      groups.unshift(n & 0x7f);
      n = Math.floor(n / 128);
    } while (n > 0);
    out.push(...groups.map((g, i) => (i < groups.length - 1 ? g | 0x80 : g)));
  }
  return der(0x06, Uint8Array.from(out));
}

function unsignedInteger(bytes) {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) {
    i++;
  }
  const trimmed = bytes.slice(i);
  return der(0x02, trimmed[0] & 0x80 ? concat(Uint8Array.of(0), trimmed) : trimmed);
}

function utcTime(date) {
  const two = (n) => String(n).padStart(2, '0');
  const text = two(date.getUTCFullYear() % 100) + two(date.getUTCMonth() + 1) + two(date.getUTCDate())
    + two(date.getUTCHours()) + two(date.getUTCMinutes()) + two(date.getUTCSeconds()) + 'Z';
  return der(0x17, new TextEncoder().encode(text));
}

// ---- files

export function base64(bytes) {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

export function fromBase64(text) {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(clean)) {
    throw new KeyFileError('keys.error.base64');
  }
  return Uint8Array.from(atob(clean), (c) => c.charCodeAt(0));
}

/** The DER bytes of a PEM (first block, and its label) or DER file, or of base64 text. */
export function decodeFile(bytes) {
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 200_000)));
  const pem = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(text);
  if (pem) {
    return { label: pem[1], der: fromBase64(pem[2]) };
  }
  if (bytes[0] === 0x30) {
    return { label: null, der: bytes };
  }
  return { label: null, der: fromBase64(text) };
}

export async function readFile(file) {
  return new Uint8Array(await file.arrayBuffer());
}

// ---- private keys

function pkcs8(algorithmId, keyBytes) {
  return seq(der(0x02, Uint8Array.of(0)), algorithmId, octets(keyBytes));
}

/**
 * Imports the private key of a key file (PKCS#8 PEM/DER; also "EC PRIVATE KEY" and "RSA PRIVATE KEY" PEM) for signing.
 * Returns {key, algorithm: 'EC'|'RSA'}. Encrypted PKCS#8 and PKCS#12 are refused with a message saying so.
 */
export async function importPrivateKey(fileBytes) {
  const { label, der: bytes } = decodeFile(fileBytes);
  if (label === 'ENCRYPTED PRIVATE KEY') {
    throw new KeyFileError('keys.error.encrypted');
  }
  if (label && !['PRIVATE KEY', 'EC PRIVATE KEY', 'RSA PRIVATE KEY'].includes(label)) {
    throw new KeyFileError('keys.error.not-key');
  }
  let info = bytes;
  if (label === 'EC PRIVATE KEY') {
    info = pkcs8(seq(oid(OID.ecPublicKey), oid(OID.p256)), bytes);
  } else if (label === 'RSA PRIVATE KEY') {
    info = pkcs8(seq(oid(OID.rsa), NULL), bytes);
  }
  let algorithm;
  try {
    const top = children(info, tlv(info));
    // PKCS#12 (PFX): SEQUENCE { INTEGER 3, ContentInfo, MacData }; WebCrypto cannot import it
    if (top[0].tag === 0x02 && info[top[0].start] === 3 && top[1]?.tag === 0x30 && top[2]?.tag === 0x30) {
      throw new KeyFileError('keys.error.pkcs12');
    }
    const algId = children(info, top[1]);
    const keyOid = oidText(info, algId[0]);
    if (keyOid === OID.ecPublicKey) {
      if (algId[1]?.tag !== 0x06 || oidText(info, algId[1]) !== OID.p256) {
        throw new KeyFileError('keys.error.curve');
      }
      algorithm = 'EC';
    } else if (keyOid === OID.rsa) {
      algorithm = 'RSA';
    } else {
      throw new KeyFileError('keys.error.algorithm');
    }
  } catch (error) {
    throw error instanceof KeyFileError ? error : new KeyFileError('keys.error.der');
  }
  const params = algorithm === 'EC' ? { name: 'ECDSA', namedCurve: 'P-256' } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  try {
    const key = await crypto.subtle.importKey('pkcs8', info, params, false, ['sign']);
    return { key, algorithm };
  } catch {
    throw new KeyFileError('keys.error.import');
  }
}

/** IEEE P1363 r||s (what WebCrypto's ECDSA returns) to the DER SEQUENCE {r, s} Java and OpenSSL expect. */
export function p1363ToDer(signature) {
  const half = signature.length / 2;
  return seq(unsignedInteger(signature.slice(0, half)), unsignedInteger(signature.slice(half)));
}

/** A raw signature over bytes (SHA-256; ECDSA DER-encoded, or RSA PKCS#1 v1.5). */
export async function signRaw(imported, bytes) {
  if (imported.algorithm === 'EC') {
    const sig = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, imported.key, bytes));
    return p1363ToDer(sig);
  }
  return new Uint8Array(await crypto.subtle.sign({ name: 'RSASSA-PKCS1-v1_5' }, imported.key, bytes));
}

// ---- certificates and CMS

/** The DER of a certificate file (PEM or DER) with its issuer and serial number, as CMS names a signer. */
export function readCertificate(fileBytes) {
  const { label, der: bytes } = decodeFile(fileBytes);
  if (label && label !== 'CERTIFICATE') {
    throw new KeyFileError('keys.error.not-certificate');
  }
  try {
    const cert = tlv(bytes);
    const tbs = children(bytes, children(bytes, cert)[0]);
    const i = tbs[0].tag === 0xa0 ? 1 : 0;
    const serial = bytes.slice(tbs[i].offset, tbs[i].end);
    const issuer = bytes.slice(tbs[i + 2].offset, tbs[i + 2].end);
    if (serial[0] !== 0x02 || issuer[0] !== 0x30) {
      throw new Error();
    }
    return { der: bytes.slice(0, cert.end), serial, issuer };
  } catch {
    throw new KeyFileError('keys.error.not-certificate');
  }
}

function compareBytes(a, b) {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      return a[i] - b[i];
    }
  }
  return a.length - b.length;
}

/**
 * CMS SignedData over content, signed with the imported key as the given certificate (which is included), with the
 * signed attributes contentType, signingTime and messageDigest. Detached leaves the content out.
 */
export async function signCms(imported, certificate, content, detached) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', content));
  const attributes = [
    seq(oid(OID.contentType), set(oid(OID.data))),
    seq(oid(OID.signingTime), set(utcTime(new Date()))),
    seq(oid(OID.messageDigest), set(octets(digest))),
  ].sort(compareBytes);
  const signedAttributes = set(...attributes);
  const signature = await signRaw(imported, signedAttributes);
  const digestAlgorithm = seq(oid(OID.sha256));
  const signatureAlgorithm = imported.algorithm === 'EC' ? seq(oid(OID.ecdsaSha256)) : seq(oid(OID.rsaSha256), NULL);
  const signerInfo = seq(der(0x02, Uint8Array.of(1)), seq(certificate.issuer, certificate.serial), digestAlgorithm,
    der(0xa0, signedAttributes.slice(tlv(signedAttributes).start)), signatureAlgorithm, octets(signature));
  const encapsulated = detached ? seq(oid(OID.data)) : seq(oid(OID.data), der(0xa0, octets(content)));
  const signedData = seq(der(0x02, Uint8Array.of(1)), set(digestAlgorithm), encapsulated, der(0xa0, certificate.der),
    set(signerInfo));
  return seq(oid(OID.signedData), der(0xa0, signedData));
}

/** The header of the TLV at offset (tag and where its content starts), without requiring the rest of it. */
function header(bytes, offset) {
  const tag = bytes[offset];
  const first = bytes[offset + 1];
  const count = first & 0x80 && first !== 0x80 ? first & 0x7f : 0;
  return { tag, start: offset + 2 + count };
}

/**
 * What kind of CMS a file starts with, from its first bytes: 'sealed' (EnvelopedData or AuthEnvelopedData),
 * 'signed' (SignedData: signed but not encrypted), or 'other'.
 */
export function cmsKind(head) {
  if (head.length < 16 || head[0] !== 0x30) {
    return 'other';
  }
  const type = header(head, header(head, 0).start);
  if (type.tag !== 0x06 || type.start + head[type.start - 1] > head.length) {
    return 'other';
  }
  const text = oidText(head, { start: type.start, end: type.start + head[type.start - 1] });
  if (text === OID.envelopedData || text === OID.authEnvelopedData) {
    return 'sealed';
  }
  return text === OID.signedData ? 'signed' : 'other';
}

/** The content a CMS SignedData carries (e.g. a submission manifest's JSON), or null. */
export function cmsContent(bytes) {
  try {
    const info = children(bytes, tlv(bytes));
    if (oidText(bytes, info[0]) !== OID.signedData) {
      return null;
    }
    const signedData = children(bytes, children(bytes, info[1])[0]);
    const encapsulated = children(bytes, signedData[2]);
    if (encapsulated.length < 2) {
      return null;
    }
    return octetValue(bytes, children(bytes, encapsulated[1])[0]);
  } catch {
    return null;
  }
}
