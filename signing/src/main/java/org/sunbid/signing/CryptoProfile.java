package org.sunbid.signing;

import org.sunbid.signing.certs.Certificates.KeyAlgorithm;
import org.sunbid.signing.cms.SignatureScheme;
import org.sunbid.signing.seal.ContentCipher;

/**
 * The algorithm suite a deployment (or a project) uses: INTERNATIONAL (EC P-256, SHA-256, AES-256-GCM) or GM, the
 * Chinese commercial cryptography profile (SM2 with the default user ID 1234567812345678, SM3, SM4-CBC; SM2
 * recipients with DER SM2Cipher key transport).
 */
public enum CryptoProfile {
    INTERNATIONAL(KeyAlgorithm.EC_P256, DigestAlgorithm.SHA256, SignatureScheme.ECDSA_P256_SHA256, ContentCipher.AES_256_GCM),
    GM(KeyAlgorithm.SM2, DigestAlgorithm.SM3, SignatureScheme.SM2_SM3, ContentCipher.SM4_CBC);

    private final KeyAlgorithm keyAlgorithm;
    private final DigestAlgorithm digest;
    private final SignatureScheme signatureScheme;
    private final ContentCipher contentCipher;

    CryptoProfile(KeyAlgorithm keyAlgorithm, DigestAlgorithm digest, SignatureScheme signatureScheme, ContentCipher contentCipher) {
        this.keyAlgorithm = keyAlgorithm;
        this.digest = digest;
        this.signatureScheme = signatureScheme;
        this.contentCipher = contentCipher;
    }

    public KeyAlgorithm keyAlgorithm() {
        return keyAlgorithm;
    }

    public DigestAlgorithm digest() {
        return digest;
    }

    public SignatureScheme signatureScheme() {
        return signatureScheme;
    }

    public ContentCipher contentCipher() {
        return contentCipher;
    }
}
