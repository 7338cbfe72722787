package org.sunbid.signing.keys;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.certs.Certificates.KeyAlgorithm;

/** Generates key pairs for the algorithms Sunbid accepts: RSA-2048, EC P-256 and SM2. */
public final class KeyPairs {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyPairs() {
    }

    public static KeyPair generate(KeyAlgorithm algorithm) {
        try {
            return switch (algorithm) {
                case RSA -> {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(2048, RANDOM);
                    yield g.generateKeyPair();
                }
                case EC_P256 -> {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("EC", Certificates.provider());
                    g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
                    yield g.generateKeyPair();
                }
                case SM2 -> {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("EC", Certificates.provider());
                    g.initialize(new ECGenParameterSpec("sm2p256v1"), RANDOM);
                    yield g.generateKeyPair();
                }
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a " + algorithm + " key", e);
        }
    }

    /** The certificate signature algorithm for a key of this kind. */
    static String signatureAlgorithm(KeyAlgorithm algorithm) {
        return switch (algorithm) {
            case RSA -> "SHA256withRSA";
            case EC_P256 -> "SHA256withECDSA";
            case SM2 -> "SM3withSM2";
        };
    }
}
