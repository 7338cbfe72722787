// Opens a custodian's sealed key share in the browser, seals it to the opening session's key (after checking the
// platform's binding of that key to the lot) and signs the sealed bytes, with the custodian's own key file, which
// never leaves the page; nor does the share in clear. The share is CMS AuthEnvelopedData (RFC 5083) sealed by the
// platform to the custodian's P-256 certificate: ECDH with the originator's ephemeral key (RFC 5753, dhSinglePass-stdDH-sha256kdf), the X9.63 SHA-256
// KDF over ECC-CMS-SharedInfo, AES-256 key unwrap (RFC 3394), AES-256-GCM. Every cryptographic step is WebCrypto's;
// only the ASN.1 is read here (with the DER/BER reader of the bidder pages). Sealing to the session key and checking
// the platform's signature on its binding use PKI.js, as the bid wizard does.
import * as pkijs from '../vendor/pkijs/pkijs-3.4.3.min.js';
import { base64, children, decodeFile, importPrivateKey, KeyFileError, oidText, readCertificate, signCms, tlv } from './bidder/keys.js';
import { seal } from './bidder/tender.js';

const AUTH_ENVELOPED = '1.2.840.113549.1.9.16.1.23';
const AES256_GCM = '2.16.840.1.101.3.4.1.46';
const AES256_WRAP = '2.16.840.1.101.3.4.1.45';

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The content of an OCTET STRING, primitive or constructed (BER chunks), or of an IMPLICIT-tagged one. */
function octets(bytes, node) {
  if (!(node.tag & 0x20)) {
    return bytes.slice(node.start, node.contentEnd);
  }
  return concat(...children(bytes, node).map((c) => octets(bytes, c)));
}

function lengthOf(n) {
  if (n < 0x80) {
    return Uint8Array.of(n);
  }
  const out = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) {
    out.unshift(v & 0xff);
  }
  return Uint8Array.of(0x80 | out.length, ...out);
}

function der(tag, ...content) {
  const body = concat(...content);
  return concat(Uint8Array.of(tag), lengthOf(body.length), body);
}

/** Decrypts the sealed share with the custodian's PKCS#8 P-256 key; returns the share JSON bytes. */
export async function openShare(sealed, keyFileBytes) {
  const { label, der: pkcs8 } = decodeFile(keyFileBytes);
  if (label && label !== 'PRIVATE KEY') {
    throw new KeyFileError(label === 'ENCRYPTED PRIVATE KEY' ? 'keys.error.encrypted' : 'hall.share.error.pkcs8');
  }
  let ecdh;
  try {
    ecdh = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
  } catch {
    throw new KeyFileError('hall.share.error.pkcs8');
  }
  try {
    const info = children(sealed, tlv(sealed));
    if (oidText(sealed, info[0]) !== AUTH_ENVELOPED) {
      throw new Error('not AuthEnvelopedData');
    }
    const body = children(sealed, children(sealed, info[1])[0]);
    let i = 1; // after the version
    if (body[i].tag === 0xa0) {
      i++; // originatorInfo
    }
    const recipients = children(sealed, body[i]);
    const content = children(sealed, body[i + 1]);
    const mac = body[body.length - 1];
    const kari = recipients.find((r) => r.tag === 0xa1);
    if (!kari) {
      throw new KeyFileError('hall.share.error.recipient');
    }
    const k = children(sealed, kari);
    const originator = children(sealed, k[1])[0]; // [0] EXPLICIT OriginatorIdentifierOrKey -> [1] OriginatorPublicKey
    const originatorParts = children(sealed, originator);
    const point = sealed.slice(originatorParts[1].start + 1, originatorParts[1].contentEnd); // BIT STRING minus unused-bits
    let at = 2;
    let ukm = null;
    if (k[at].tag === 0xa1) {
      ukm = octets(sealed, children(sealed, k[at])[0]);
      at++;
    }
    const keyEncryption = children(sealed, k[at]);
    const wrap = keyEncryption[1]; // the key-wrap AlgorithmIdentifier, exactly as encoded
    if (oidText(sealed, children(sealed, wrap)[0]) !== AES256_WRAP) {
      throw new KeyFileError('hall.share.error.algorithm');
    }
    const encryptedKeys = children(sealed, k[at + 1]);
    const wrapped = octets(sealed, children(sealed, encryptedKeys[0])[1]);

    const sender = await crypto.subtle.importKey('raw', point, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
    const z = new Uint8Array(await crypto.subtle.deriveBits({ name: 'ECDH', public: sender }, ecdh, 256));
    const sharedInfo = der(0x30, sealed.slice(wrap.offset, wrap.end), ...(ukm ? [der(0xa0, der(0x04, ukm))] : []),
      der(0xa2, der(0x04, Uint8Array.of(0, 0, 1, 0))));
    const kek = new Uint8Array(await crypto.subtle.digest('SHA-256', concat(z, Uint8Array.of(0, 0, 0, 1), sharedInfo)));
    const wrapKey = await crypto.subtle.importKey('raw', kek, 'AES-KW', false, ['unwrapKey']);
    let cek;
    try {
      cek = await crypto.subtle.unwrapKey('raw', wrapped, wrapKey, 'AES-KW', { name: 'AES-GCM' }, false, ['decrypt']);
    } catch {
      throw new KeyFileError('hall.share.error.wrong-key');
    }
    const algorithm = children(sealed, content[1]);
    if (oidText(sealed, algorithm[0]) !== AES256_GCM) {
      throw new KeyFileError('hall.share.error.algorithm');
    }
    const gcm = children(sealed, algorithm[1]);
    const nonce = octets(sealed, gcm[0]);
    const tagLength = gcm[1] ? sealed[gcm[1].start] : 12;
    const ciphertext = octets(sealed, content[2]);
    const tag = octets(sealed, mac);
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: nonce, tagLength: tagLength * 8 }, cek,
      concat(ciphertext, tag)));
  } catch (error) {
    throw error instanceof KeyFileError ? error : new KeyFileError('hall.share.error.sealed');
  }
}

function fromBase64(text) {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

function buffer(bytes) {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

function hex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Checks the session key the platform published (GET …/session-key) before anything is sealed to it: the binding is
 * signed by a certificate chaining to the platform root (not a CA, not the time-stamping authority), names this lot
 * and this key id and the SHA-256 of exactly this certificate, which is valid now. Returns the certificate's DER.
 */
export async function checkSessionKey(session, lot, rootBytes) {
  const certificate = readCertificate(new TextEncoder().encode(session.certificate)).der;
  const root = pkijs.Certificate.fromBER(buffer(readCertificate(rootBytes).der));
  const binding = new TextEncoder().encode(session.binding);
  let result;
  try {
    const info = pkijs.ContentInfo.fromBER(buffer(fromBase64(session.bindingSignature)));
    const signed = new pkijs.SignedData({ schema: info.content });
    result = await signed.verify({ signer: 0, data: buffer(binding), trustedCerts: [root], checkChain: true, extendedMode: true });
  } catch {
    result = null;
  }
  if (!result || !result.signatureVerified || result.signerCertificateVerified === false) {
    throw new KeyFileError('hall.session.error.not-platform');
  }
  const extensions = result.signerCertificate.extensions || [];
  const ca = extensions.some((e) => e.extnID === '2.5.29.19' && e.parsedValue && e.parsedValue.cA);
  const eku = extensions.some((e) => e.extnID === '2.5.29.37');
  if (ca || eku) {
    throw new KeyFileError('hall.session.error.not-platform');
  }
  let bound;
  try {
    bound = JSON.parse(session.binding);
  } catch {
    throw new KeyFileError('hall.session.error.binding');
  }
  const digest = hex(new Uint8Array(await crypto.subtle.digest('SHA-256', certificate)));
  if (bound.type !== 'sunbid-session-key' || bound.lotId !== lot || bound.keyId !== session.keyId
      || bound.certificateSha256 !== digest) {
    throw new KeyFileError('hall.session.error.binding');
  }
  const parsed = pkijs.Certificate.fromBER(buffer(certificate));
  const now = new Date();
  if (now < parsed.notBefore.value || now > parsed.notAfter.value) {
    throw new KeyFileError('hall.session.error.expired');
  }
  return certificate;
}

/**
 * Opens the custodian's sealed share in the page, checks the session key, seals the share to it and signs exactly
 * the sealed bytes (detached CMS): the release to POST, {keyId, index, sealedShare, signature}. The share itself never
 * leaves the page in clear.
 */
export async function releaseInBrowser(sealedBase64, keyFileBytes, certificateFileBytes, session, lot, rootBytes) {
  const shareBytes = await openShare(fromBase64(sealedBase64), keyFileBytes);
  const certificate = readCertificate(certificateFileBytes);
  const signer = await importPrivateKey(keyFileBytes);
  const sessionCertificate = await checkSessionKey(session, lot, rootBytes);
  const sealed = await seal(shareBytes, [sessionCertificate]);
  const signature = await signCms(signer, certificate, sealed, true);
  const index = JSON.parse(new TextDecoder().decode(shareBytes)).index;
  shareBytes.fill(0);
  return { keyId: session.keyId, index, sealedShare: base64(sealed), signature: base64(signature) };
}
