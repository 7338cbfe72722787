package org.sunbid.signing.cms;

import org.sunbid.signing.certs.Certificates.KeyAlgorithm;

/** Signature schemes Sunbid makes and accepts. */
public enum SignatureScheme {
    RSA_PKCS1_SHA256("SHA256withRSA", KeyAlgorithm.RSA),
    RSA_PSS_SHA256("SHA256withRSAandMGF1", KeyAlgorithm.RSA),
    ECDSA_P256_SHA256("SHA256withECDSA", KeyAlgorithm.EC_P256),
    SM2_SM3("SM3withSM2", KeyAlgorithm.SM2);

    private final String jcaName;
    private final KeyAlgorithm keyAlgorithm;

    SignatureScheme(String jcaName, KeyAlgorithm keyAlgorithm) {
        this.jcaName = jcaName;
        this.keyAlgorithm = keyAlgorithm;
    }

    String jcaName() {
        return jcaName;
    }

    public KeyAlgorithm keyAlgorithm() {
        return keyAlgorithm;
    }

    /** The default scheme for a key: PKCS#1 v1.5 for RSA, ECDSA for P-256, SM2 for SM2. */
    public static SignatureScheme defaultFor(KeyAlgorithm algorithm) {
        return switch (algorithm) {
            case RSA -> RSA_PKCS1_SHA256;
            case EC_P256 -> ECDSA_P256_SHA256;
            case SM2 -> SM2_SM3;
        };
    }
}
