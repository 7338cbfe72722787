// The legacy password-based encryption of PKCS#12 files (RFC 7292 appendix B and C): what `openssl pkcs12 -export
// -legacy` and many CAs' older tools write, 3DES for the key and 40-bit RC2 for the certificates. WebCrypto has neither
// cipher, so PKI.js cannot open such a file; this module derives the key and IV as RFC 7292 B.2 says (SHA-1, in
// WebCrypto) and decrypts with node-forge's DES and RC2 (vendored, see docs/bid-wizard.md). Nothing leaves the page.
import { des, rc2, util } from '../../vendor/forge/forge-des-rc2-1.4.3.min.js';

/** pkcs-12PbeIds (RFC 7292 appendix C) this module opens: cipher, key length in bytes, RC2 effective key bits. */
const SCHEMES = {
  '1.2.840.113549.1.12.1.3': { cipher: '3des', keyLength: 24 }, // pbeWithSHAAnd3-KeyTripleDES-CBC
  '1.2.840.113549.1.12.1.4': { cipher: '3des', keyLength: 16 }, // pbeWithSHAAnd2-KeyTripleDES-CBC
  '1.2.840.113549.1.12.1.5': { cipher: 'rc2', keyLength: 16, bits: 128 }, // pbeWithSHAAnd128BitRC2-CBC
  '1.2.840.113549.1.12.1.6': { cipher: 'rc2', keyLength: 5, bits: 40 }, // pbeWithSHAAnd40BitRC2-CBC
};

/** Whether the algorithm is one of the legacy PKCS#12 schemes this module decrypts. */
export function isLegacyPbe(algorithmId) {
  return Object.hasOwn(SCHEMES, algorithmId);
}

/** The password as RFC 7292 B.1 wants it: BMPString (UTF-16 big-endian) with two zero bytes at the end. */
export function bmpPassword(password) {
  const bytes = new Uint8Array((password.length + 1) * 2);
  for (let i = 0; i < password.length; i++) {
    bytes[2 * i] = password.charCodeAt(i) >> 8;
    bytes[2 * i + 1] = password.charCodeAt(i) & 0xff;
  }
  return bytes;
}

async function sha1(bytes) {
  return new Uint8Array(await crypto.subtle.digest('SHA-1', bytes));
}

/**
 * RFC 7292 B.2 with SHA-1 (u = 20, v = 64): n bytes of key material for purpose id (1 key, 2 IV, 3 MAC key) from the
 * BMP password, the salt and the iteration count.
 */
export async function pkcs12Kdf(password, salt, id, iterations, n) {
  const u = 20;
  const v = 64;
  const repeat = (source, length) => {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) {
      out[i] = source[i % source.length];
    }
    return out;
  };
  const s = salt.length ? repeat(salt, v * Math.ceil(salt.length / v)) : new Uint8Array(0);
  const p = password.length ? repeat(password, v * Math.ceil(password.length / v)) : new Uint8Array(0);
  const i = new Uint8Array(s.length + p.length);
  i.set(s);
  i.set(p, s.length);
  const d = new Uint8Array(v).fill(id);
  const out = new Uint8Array(n);
  for (let block = 0, done = 0; done < n; block++) {
    let a = new Uint8Array(v + i.length);
    a.set(d);
    a.set(i, v);
    a = await sha1(a);
    for (let round = 1; round < iterations; round++) {
      a = await sha1(a);
    }
    out.set(a.subarray(0, Math.min(u, n - done)), done);
    done += u;
    if (done >= n) {
      break;
    }
    // I_j = (I_j + B + 1) mod 2^(v*8) for each v-byte block of I, B being A repeated to v bytes
    const b = repeat(a, v);
    for (let j = 0; j < i.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = i[j + k] + b[k] + carry;
        i[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return out;
}

/** Bytes as forge's "binary string" (one char per byte), in slices so that a large bag does not overflow the stack. */
function binary(bytes) {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return text;
}

function unbinary(text) {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    bytes[i] = text.charCodeAt(i);
  }
  return bytes;
}

/**
 * Decrypts content encrypted with a legacy PKCS#12 scheme: algorithmId (OID), salt and iterations from its
 * pkcs-12PbeParams, the password as typed. Returns the plaintext, or null when the padding does not check out (a wrong
 * password, almost always).
 */
export async function decryptLegacy(algorithmId, salt, iterations, encrypted, password) {
  const scheme = SCHEMES[algorithmId];
  if (!scheme) {
    throw new Error(`not a legacy PKCS#12 scheme: ${algorithmId}`);
  }
  const secret = bmpPassword(password);
  let key = await pkcs12Kdf(secret, salt, 1, iterations, scheme.keyLength);
  const iv = await pkcs12Kdf(secret, salt, 2, iterations, 8);
  if (scheme.cipher === '3des' && key.length === 16) {
    key = Uint8Array.of(...key, ...key.subarray(0, 8)); // two-key triple DES: K1 K2 K1
  }
  const cipher = scheme.cipher === '3des'
    ? des.createDecryptionCipher(util.createBuffer(binary(key)), 'CBC')
    : rc2.createDecryptionCipher(util.createBuffer(binary(key)), scheme.bits);
  cipher.start(util.createBuffer(binary(iv)));
  cipher.update(util.createBuffer(binary(encrypted)));
  // the padding is checked here, the same way for both ciphers (forge's RC2 looks at the last byte only)
  if (encrypted.length === 0 || encrypted.length % 8 !== 0 || !cipher.finish(() => true)) {
    return null;
  }
  const plain = unbinary(cipher.output.getBytes());
  const pad = plain[plain.length - 1];
  if (pad < 1 || pad > 8 || plain.subarray(plain.length - pad).some((b) => b !== pad)) {
    return null;
  }
  return plain.subarray(0, plain.length - pad);
}
