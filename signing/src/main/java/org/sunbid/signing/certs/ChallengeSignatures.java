package org.sunbid.signing.certs;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Collection;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Checks a signature over a short challenge (a login nonce) against a certificate: either a raw signature
 * (ECDSA P-256 with SHA-256, RSA PKCS#1 v1.5 or PSS with SHA-256, SM2 with SM3 and the default user ID) or a
 * CMS detached SignedData whose signer is that certificate.
 */
public final class ChallengeSignatures {

    private ChallengeSignatures() {
    }

    /** How the client encoded its signature. */
    public enum Format { RAW, CMS }

    public static boolean verify(X509Certificate certificate, byte[] message, byte[] signature, Format format) {
        if (signature == null || signature.length == 0 || signature.length > 16 * 1024) {
            return false;
        }
        try {
            return format == Format.CMS ? verifyCms(certificate, message, signature) : verifyRaw(certificate, message, signature);
        } catch (GeneralSecurityException | CMSException | OperatorCreationException | RuntimeException e) {
            return false;
        }
    }

    private static boolean verifyRaw(X509Certificate certificate, byte[] message, byte[] signature)
            throws GeneralSecurityException {
        return switch (Certificates.algorithmOf(certificate)) {
            case EC_P256 -> check("SHA256withECDSA", null, certificate, message, signature);
            case SM2 -> check("SM3withSM2", null, certificate, message, signature);
            case RSA -> check("SHA256withRSA", null, certificate, message, signature)
                    || check("RSASSA-PSS", new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1),
                            certificate, message, signature);
        };
    }

    private static boolean check(String algorithm, PSSParameterSpec pss, X509Certificate certificate, byte[] message,
            byte[] signature) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance(algorithm, Certificates.provider());
        if (pss != null) {
            verifier.setParameter(pss);
        }
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(message);
        try {
            return verifier.verify(signature);
        } catch (java.security.SignatureException e) {
            return false;
        }
    }

    private static boolean verifyCms(X509Certificate certificate, byte[] message, byte[] signature)
            throws CMSException, OperatorCreationException, GeneralSecurityException {
        CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(message), signature);
        X509CertificateHolder holder;
        try {
            holder = new X509CertificateHolder(certificate.getEncoded());
        } catch (java.io.IOException e) {
            return false;
        }
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.isEmpty()) {
            return false;
        }
        for (SignerInformation signer : signers) {
            if (!signer.getSID().match(holder)) {
                return false;
            }
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Certificates.provider()).build(certificate))) {
                return false;
            }
        }
        return true;
    }
}
