// The tender package built in the browser, as `bidtool package`, `sign` and `seal` build it: a ZIP of bid-form.json and
// the PDFs under documents/, signed (CMS SignedData, content attached) with the bidder's key and sealed (CMS
// EnvelopedData, AES-256-CBC) to the lot's opening certificate and the bidder's own. The key comes from a PKCS#12 file
// (or a PKCS#8 one, plain or encrypted) opened here and never uploaded. PKI.js (vendored, see docs/bid-wizard.md) reads
// PKCS#12 and writes the envelope; legacy 3DES/RC2 protection is opened by pkcs12-legacy.js; signing and hashing are
// WebCrypto's (keys.js).
import * as pkijs from '../../vendor/pkijs/pkijs-3.4.3.min.js';
import { KeyFileError, concat, decodeFile, importPrivateKey, readCertificate, signCms } from './keys.js';
import { decryptLegacy, isLegacyPbe } from './pkcs12-legacy.js';

/** The most the browser builds in memory (package, signature and envelope each hold a copy); more: use bidtool. */
export const MAX_BYTES = 200 * 1024 * 1024;

const BAG = {
  key: '1.2.840.113549.1.12.10.1.1', shroudedKey: '1.2.840.113549.1.12.10.1.2', cert: '1.2.840.113549.1.12.10.1.3',
};
const LOCAL_KEY_ID = '1.2.840.113549.1.9.21';

// ---- ZIP (stored entries, UTF-8 names: java.util.zip, unzip and bidtool read it)

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});

export function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) {
    c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

function dosTime(date) {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/** A ZIP of [{name, bytes}], entries stored (PDFs are compressed already), names flagged UTF-8. */
export function zip(entries, now = new Date()) {
  const { time, date } = dosTime(now);
  const encoder = new TextEncoder();
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const crc = crc32(entry.bytes);
    const local = new DataView(new ArrayBuffer(30));
    [[0, 0x04034b50, 4], [4, 20, 2], [6, 0x0800, 2], [8, 0, 2], [10, time, 2], [12, date, 2], [14, crc, 4],
      [18, entry.bytes.length, 4], [22, entry.bytes.length, 4], [26, name.length, 2], [28, 0, 2]]
      .forEach(([at, value, size]) => (size === 4 ? local.setUint32(at, value, true) : local.setUint16(at, value, true)));
    const central = new DataView(new ArrayBuffer(46));
    [[0, 0x02014b50, 4], [4, 20, 2], [6, 20, 2], [8, 0x0800, 2], [10, 0, 2], [12, time, 2], [14, date, 2], [16, crc, 4],
      [20, entry.bytes.length, 4], [24, entry.bytes.length, 4], [28, name.length, 2], [30, 0, 2], [32, 0, 2],
      [34, 0, 2], [36, 0, 2], [38, 0, 4], [42, offset, 4]]
      .forEach(([at, value, size]) => (size === 4 ? central.setUint32(at, value, true) : central.setUint16(at, value, true)));
    locals.push(new Uint8Array(local.buffer), name, entry.bytes);
    centrals.push(new Uint8Array(central.buffer), name);
    offset += 30 + name.length + entry.bytes.length;
  }
  const centralSize = centrals.reduce((n, part) => n + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  return concat(...locals, ...centrals, new Uint8Array(end.buffer));
}

// ---- the bid form

/**
 * bid-form.json as `bidtool package` writes it (fields in the published order). The machine fingerprint is what a
 * browser can tell (no MAC address or disk serial: those stay empty, so browser bids never match each other by them).
 */
export function bidForm({ lot, price, duration, quality, projectManager, depositReference }, documents) {
  const form = { format: 'sunbid-bid-form/1', lot: lot.toLowerCase(), price, currency: 'CNY', duration,
    quality: quality || '合格', projectManager };
  if (depositReference) {
    form.depositReference = depositReference;
  }
  form.fingerprint = { mac: [], cpu: `browser/${globalThis.navigator?.hardwareConcurrency ?? 0}`, disk: [],
    os: globalThis.navigator?.platform || 'unknown' };
  form.documents = documents;
  return form;
}

/** The package: bid-form.json and each PDF under documents/ (refused unless it starts with %PDF-, as bidtool does). */
export function tenderPackage(form, pdfs) {
  const names = new Set();
  for (const pdf of pdfs) {
    if (String.fromCharCode(...pdf.bytes.subarray(0, 5)) !== '%PDF-') {
      throw Object.assign(new KeyFileError('bid.error.not-pdf'), { name: pdf.name });
    }
    if (names.has(pdf.name)) {
      throw Object.assign(new KeyFileError('bid.error.same-name'), { name: pdf.name });
    }
    names.add(pdf.name);
  }
  const json = new TextEncoder().encode(JSON.stringify(bidForm(form, pdfs.map((p) => p.name))));
  return zip([{ name: 'bid-form.json', bytes: json }, ...pdfs.map((p) => ({ name: `documents/${p.name}`, bytes: p.bytes }))]);
}

// ---- the bidder's key

const buffer = (bytes) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);

function isPfx(bytes) {
  try {
    const asn = pkijs.asn1js.fromBER(buffer(bytes));
    if (asn.offset === -1) {
      return false;
    }
    new pkijs.PFX({ schema: asn.result });
    return true;
  } catch {
    return false;
  }
}

function hex(arrayBuffer) {
  return [...new Uint8Array(arrayBuffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function localKeyId(bag) {
  const attribute = (bag.bagAttributes || []).find((a) => a.type === LOCAL_KEY_ID);
  return attribute ? hex(attribute.values[0].valueBlock.valueHexView) : null;
}

function isCa(certificate) {
  const constraints = (certificate.extensions || []).find((e) => e.extnID === '2.5.29.19');
  return Boolean(constraints?.parsedValue?.cA);
}

/** The salt and iteration count of pkcs-12PbeParams (an asn1js SEQUENCE { OCTET STRING, INTEGER }). */
function pbeParams(algorithm) {
  const [salt, iterations] = algorithm.algorithmParams.valueBlock.value;
  return { salt: new Uint8Array(salt.valueBlock.valueHexView), iterations: iterations.valueBlock.valueDec };
}

/** Decrypts legacy-protected (3DES/RC2) bytes, or names the password as wrong. */
async function openLegacy(algorithm, encrypted, password) {
  const { salt, iterations } = pbeParams(algorithm);
  const plain = await decryptLegacy(algorithm.algorithmId, salt, iterations, encrypted, password);
  if (!plain) {
    throw new KeyFileError('bid.key.error.password');
  }
  return plain;
}

/**
 * The authenticated safe's parts protected with a legacy scheme (3DES/RC2, which WebCrypto lacks) are decrypted here and
 * put back as plain data, so that PKI.js reads them as it reads any unencrypted part.
 */
async function openLegacySafeContents(safe, password) {
  for (const [index, info] of safe.safeContents.entries()) {
    if (info.contentType !== pkijs.ContentInfo.ENCRYPTED_DATA) {
      continue;
    }
    // read from a copy: PKI.js's schema check leaves marks on the object it reads, and the PBES2 parts are read again
    const copy = pkijs.asn1js.fromBER(info.content.toBER(false)).result;
    const encryptedInfo = new pkijs.EncryptedData({ schema: copy }).encryptedContentInfo;
    const algorithm = encryptedInfo.contentEncryptionAlgorithm;
    if (isLegacyPbe(algorithm.algorithmId)) {
      const plain = await openLegacy(algorithm, new Uint8Array(encryptedInfo.getEncryptedContent()), password);
      safe.safeContents[index] = new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.DATA,
        content: new pkijs.asn1js.OctetString({ valueHex: buffer(plain) }) });
    }
  }
}

async function openPfx(bytes, password) {
  const secret = buffer(new TextEncoder().encode(password));
  const pfx = new pkijs.PFX({ schema: pkijs.asn1js.fromBER(buffer(bytes)).result });
  try {
    await pfx.parseInternalValues({ password: secret, checkIntegrity: true });
  } catch {
    throw new KeyFileError('bid.key.error.password');
  }
  const safe = pfx.parsedValue.authenticatedSafe;
  await openLegacySafeContents(safe, password);
  try {
    await safe.parseInternalValues({ safeContents: safe.safeContents.map(() => ({ password: secret })) });
  } catch {
    throw new KeyFileError('bid.key.error.cipher');
  }
  const keys = [];
  const certificates = [];
  for (const content of safe.parsedValue.safeContents) {
    for (const bag of content.value.safeBags) {
      if (bag.bagId === BAG.shroudedKey && isLegacyPbe(bag.bagValue.encryptionAlgorithm.algorithmId)) {
        const shrouded = bag.bagValue;
        keys.push({ id: localKeyId(bag), der: await openLegacy(shrouded.encryptionAlgorithm,
          new Uint8Array(shrouded.encryptedData.valueBlock.valueHexView), password) });
      } else if (bag.bagId === BAG.shroudedKey) {
        try {
          await bag.bagValue.parseInternalValues({ password: secret });
        } catch {
          throw new KeyFileError('bid.key.error.cipher');
        }
        keys.push({ id: localKeyId(bag), der: new Uint8Array(bag.bagValue.parsedValue.toSchema().toBER(false)) });
      } else if (bag.bagId === BAG.key) {
        keys.push({ id: localKeyId(bag), der: new Uint8Array(bag.bagValue.toSchema().toBER(false)) });
      } else if (bag.bagId === BAG.cert && bag.bagValue.parsedValue instanceof pkijs.Certificate) {
        certificates.push({ id: localKeyId(bag), certificate: bag.bagValue.parsedValue });
      }
    }
  }
  if (keys.length === 0) {
    throw new KeyFileError('bid.key.error.no-key');
  }
  const key = keys[0];
  const own = certificates.find((c) => key.id && c.id === key.id) || certificates.find((c) => !isCa(c.certificate));
  if (!own) {
    throw new KeyFileError('bid.key.error.no-certificate');
  }
  return { pkcs8: key.der, certificate: new Uint8Array(own.certificate.toSchema().toBER(false)) };
}

async function decryptPkcs8(der, password) {
  const bag = new pkijs.PKCS8ShroudedKeyBag({ schema: pkijs.asn1js.fromBER(buffer(der)).result });
  if (isLegacyPbe(bag.encryptionAlgorithm.algorithmId)) {
    return openLegacy(bag.encryptionAlgorithm, new Uint8Array(bag.encryptedData.valueBlock.valueHexView), password);
  }
  try {
    await bag.parseInternalValues({ password: buffer(new TextEncoder().encode(password)) });
  } catch {
    throw new KeyFileError('bid.key.error.password');
  }
  return new Uint8Array(bag.parsedValue.toSchema().toBER(false));
}

/**
 * Opens the bidder's key: a PKCS#12 (.p12/.pfx: key and certificate) with its password, or a PKCS#8 key (PEM/DER,
 * encrypted with a password or not) with a certificate file. Returns {key (WebCrypto, for keys.js), certificate
 * (keys.js form), subject (the certificate's CN/O for the page)}. Nothing is uploaded.
 */
export async function openKey(keyBytes, password, certificateBytes) {
  let pkcs8;
  let certificateDer;
  if (isPfx(keyBytes)) {
    ({ pkcs8, certificate: certificateDer } = await openPfx(keyBytes, password || ''));
  } else {
    const { label, der } = decodeFile(keyBytes);
    pkcs8 = label === 'ENCRYPTED PRIVATE KEY' ? await decryptPkcs8(der, password || '') : keyBytes;
    if (!certificateBytes) {
      throw new KeyFileError('signer.error.no-cert');
    }
    certificateDer = readCertificate(certificateBytes).der;
  }
  const key = await importPrivateKey(pkcs8);
  const certificate = readCertificate(certificateDer);
  const parsed = pkijs.Certificate.fromBER(buffer(certificate.der));
  const name = (oid) => parsed.subject.typesAndValues.find((tv) => tv.type === oid)?.value.valueBlock.value;
  const notAfter = parsed.notAfter.value;
  if (notAfter < new Date()) {
    throw new KeyFileError('bid.key.error.expired');
  }
  return { key, certificate, subject: { cn: name('2.5.4.3'), o: name('2.5.4.10'), notAfter } };
}

// ---- signing and sealing

/** CMS SignedData of the package, content attached (as `bidtool sign`). */
export function signPackage(opened, packageBytes) {
  return signCms(opened.key, opened.certificate, packageBytes, false);
}

/**
 * CMS EnvelopedData (AES-256-CBC) of content to each certificate (DER): ECDH P-256 key agreement with the SHA-256 KDF
 * and AES-256 key wrap, or RSA-OAEP with SHA-256, as bidtool's `seal --cbc` writes it.
 */
export async function seal(content, certificates) {
  const enveloped = new pkijs.EnvelopedData({ policy: { disableSplit: true } });
  for (const der of certificates) {
    enveloped.addRecipientByCertificate(pkijs.Certificate.fromBER(buffer(der)),
      { oaepHashAlgorithm: 'SHA-256', kdfAlgorithm: 'SHA-256', kekEncryptionLength: 256 });
  }
  await enveloped.encrypt({ name: 'AES-CBC', length: 256 }, buffer(content));
  const info = new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.ENVELOPED_DATA, content: enveloped.toSchema() });
  return new Uint8Array(info.toSchema().toBER(false));
}

/** The DER of a PEM or DER certificate (e.g. the lot's opening certificate as the server serves it). */
export function certificateDer(bytes) {
  return readCertificate(bytes).der;
}
