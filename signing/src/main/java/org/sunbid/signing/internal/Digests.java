package org.sunbid.signing.internal;

import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.sunbid.signing.certs.Certificates;

/** Digest calculators for BC's CMS code: SHA-2 from the JDK (hardware-accelerated, ~6× BC), SM3 from Bouncy Castle. */
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

    private static DigestCalculator get(AlgorithmIdentifier algorithm) throws OperatorCreationException {
        if (GMObjectIdentifiers.sm3.equals(algorithm.getAlgorithm())) {
            return BC.get(algorithm);
        }
        try {
            return JDK.get(algorithm);
        } catch (OperatorCreationException e) {
            return BC.get(algorithm);
        }
    }
}
