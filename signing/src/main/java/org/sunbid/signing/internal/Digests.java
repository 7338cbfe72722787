package org.sunbid.signing.internal;

import java.io.OutputStream;

import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.sunbid.signing.certs.Certificates;

/** Digest calculators for BC's CMS code: SHA-2 from the JDK (hardware-accelerated, ~6× BC), SM3 from {@link Sm3}. */
public final class Digests {

    private static final DigestCalculatorProvider JDK;
    private static final DigestCalculatorProvider BC;

    static {
        try {
            JDK = new JcaDigestCalculatorProviderBuilder().build();
            BC = new JcaDigestCalculatorProviderBuilder().setProvider(Certificates.provider()).build();
        } catch (OperatorCreationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Digests() {
    }

    public static DigestCalculatorProvider provider() {
        return Digests::get;
    }

    private static DigestCalculator sm3(AlgorithmIdentifier algorithm) {
        Sm3 digest = new Sm3();
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                digest.update((byte) b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                digest.update(b, off, len);
            }
        };
        return new DigestCalculator() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return algorithm;
            }

            @Override
            public OutputStream getOutputStream() {
                return out;
            }

            @Override
            public byte[] getDigest() {
                return digest.digest();
            }
        };
    }

    private static DigestCalculator get(AlgorithmIdentifier algorithm) throws OperatorCreationException {
        if (GMObjectIdentifiers.sm3.equals(algorithm.getAlgorithm())) {
            return sm3(algorithm);
        }
        try {
            return JDK.get(algorithm);
        } catch (OperatorCreationException e) {
            return BC.get(algorithm);
        }
    }
}
