package org.sunbid.signing.seal;

/** How the content of a sealed file is encrypted. */
public enum ContentCipher {
    /** CMS AuthEnvelopedData, AES-256-GCM: tampering is detected. The default. */
    AES_256_GCM,
    /** CMS EnvelopedData, AES-256-CBC: for tools without GCM; no integrity beyond padding. */
    AES_256_CBC,
    /** CMS EnvelopedData, SM4-CBC: the GM profile (OpenSSL 3.0 has no SM4-GCM). */
    SM4_CBC
}
