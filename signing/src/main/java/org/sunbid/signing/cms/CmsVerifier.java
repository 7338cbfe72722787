package org.sunbid.signing.cms;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataParser;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSTypedStream;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;
import org.bouncycastle.util.Store;
import org.sunbid.signing.DigestAlgorithm;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.cms.SignatureCheck.Failure;
import org.sunbid.signing.internal.Chains;
import org.sunbid.signing.internal.Digests;

/**
 * Verifies CMS SignedData (ours or from openssl and other tools), attached or detached, streaming in constant
 * memory. Returns the signer and the content's SHA-256, or a named {@link Failure}; never throws for bad input.
 */
public final class CmsVerifier {

    private static final int BUFFER = 64 * 1024;

    private CmsVerifier() {
    }

    public static SignatureCheck verify(byte[] signature, byte[] detachedContent, VerifyOptions options) {
        if (signature == null || signature.length == 0) {
            return new SignatureCheck.Invalid(Failure.MALFORMED, "empty signature");
        }
        return verify(new ByteArrayInputStream(signature), detachedContent == null ? null : new ByteArrayInputStream(detachedContent),
                null, options);
    }

    /** Verifies a signature file, with its detached content file or (when {@code content} is null) attached content. */
    public static SignatureCheck verify(Path signature, Path content, VerifyOptions options) throws IOException {
        if (Files.size(signature) == 0) {
            return new SignatureCheck.Invalid(Failure.MALFORMED, "signature file is empty");
        }
        try (InputStream sig = Files.newInputStream(signature);
                InputStream data = content == null ? null : Files.newInputStream(content)) {
            return verify(sig, data, null, options);
        }
    }

    /**
     * Streams a signature and verifies it.
     *
     * @param detachedContent the signed content for a detached signature, else null
     * @param contentSink     receives the attached (or detached) content as it is verified, or null; the caller must
     *                        not trust what it received unless the result is {@link SignatureCheck.Valid}
     */
    public static SignatureCheck verify(InputStream signature, InputStream detachedContent, OutputStream contentSink,
            VerifyOptions options) {
        return verifyEach(signature, detachedContent, contentSink, List.of(options)).get(0);
    }

    /**
     * Streams a signature once and checks it as {@link #verify(InputStream, InputStream, OutputStream, VerifyOptions)}
     * would under each of {@code candidates} in turn (for example each certificate a signer has registered), without
     * reading the signature or its content again.
     *
     * @return one result per candidate, in the same order
     */
    public static List<SignatureCheck> verifyEach(InputStream signature, InputStream detachedContent,
            OutputStream contentSink, List<VerifyOptions> candidates) {
        SignatureCheck failed;
        try {
            return doVerify(signature, detachedContent, contentSink, candidates);
        } catch (IOException e) {
            if (e.getCause() instanceof RuntimeException || e.getClass().getName().contains("ASN1")
                    || e instanceof java.io.EOFException) {
                failed = new SignatureCheck.Invalid(Failure.MALFORMED, "not a CMS SignedData: " + e.getClass().getSimpleName());
            } else {
                failed = new SignatureCheck.Invalid(Failure.MALFORMED, "cannot read the signature or content: " + e.getMessage());
            }
        } catch (CMSException e) {
            failed = e.getCause() instanceof OperatorCreationException
                    ? new SignatureCheck.Invalid(Failure.UNSUPPORTED_ALGORITHM, String.valueOf(e.getMessage()))
                    : new SignatureCheck.Invalid(Failure.MALFORMED, "not a CMS SignedData: " + e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            failed = new SignatureCheck.Invalid(Failure.MALFORMED, "not a CMS SignedData: " + e.getClass().getSimpleName());
        }
        return java.util.Collections.nCopies(candidates.size(), failed);
    }

    private static List<SignatureCheck> doVerify(InputStream signature, InputStream detachedContent,
            OutputStream contentSink, List<VerifyOptions> candidates) throws IOException, CMSException {
        MessageDigest sha256 = DigestAlgorithm.SHA256.newDigest();
        CMSSignedDataParser parser = detachedContent == null
                ? new CMSSignedDataParser(Digests.provider(), signature)
                : new CMSSignedDataParser(Digests.provider(), new CMSTypedStream(detachedContent), signature);
        CMSTypedStream signed = parser.getSignedContent();
        if (signed == null) {
            return java.util.Collections.nCopies(candidates.size(),
                    new SignatureCheck.Invalid(Failure.MALFORMED, "detached signature: the signed content is required"));
        }
        try (InputStream in = signed.getContentStream()) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha256.update(buffer, 0, n);
                if (contentSink != null) {
                    contentSink.write(buffer, 0, n);
                }
            }
        }
        byte[] contentSha256 = sha256.digest();

        @SuppressWarnings("unchecked")
        Store<X509CertificateHolder> store = parser.getCertificates();
        Collection<SignerInformation> signers = parser.getSignerInfos().getSigners();
        List<SignatureCheck> checks = new ArrayList<>(candidates.size());
        for (VerifyOptions options : candidates) {
            checks.add(signers.size() != 1
                    ? new SignatureCheck.Invalid(Failure.MALFORMED, "expected exactly one signer, found " + signers.size())
                    : check(signers.iterator().next(), store, contentSha256, options));
        }
        return checks;
    }

    /** The one signer of a SignedData whose content was read, checked under {@code options}. */
    private static SignatureCheck check(SignerInformation signer, Store<X509CertificateHolder> store, byte[] contentSha256,
            VerifyOptions options) throws IOException {

        DigestAlgorithm digest = DigestAlgorithm.byOid(signer.getDigestAlgOID());
        if (digest == null) {
            return new SignatureCheck.Invalid(Failure.UNSUPPORTED_ALGORITHM, "digest algorithm " + signer.getDigestAlgOID());
        }
        SignatureScheme scheme = schemeOf(signer.getEncryptionAlgOID());
        if (scheme == null) {
            return new SignatureCheck.Invalid(Failure.UNSUPPORTED_ALGORITHM, "signature algorithm " + signer.getEncryptionAlgOID());
        }
        if (signer.getSignedAttributes() == null) {
            return new SignatureCheck.Invalid(Failure.MALFORMED, "signature has no signed attributes");
        }

        JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(Certificates.provider());
        List<X509Certificate> embedded = new ArrayList<>();
        X509Certificate signerCert = null;
        try {
            for (X509CertificateHolder h : store.getMatches((Selector<X509CertificateHolder>) null)) {
                X509Certificate c = converter.getCertificate(h);
                embedded.add(c);
                if (signer.getSID().match(h)) {
                    signerCert = c;
                }
            }
            if (signerCert == null && options.expectedSigner() != null
                    && signer.getSID().match(new X509CertificateHolder(options.expectedSigner().getEncoded()))) {
                signerCert = options.expectedSigner();
            }
        } catch (java.security.cert.CertificateException e) {
            return new SignatureCheck.Invalid(Failure.MALFORMED, "unreadable certificate in the signature");
        }
        if (signerCert == null) {
            return new SignatureCheck.Invalid(Failure.UNKNOWN_OR_UNTRUSTED_SIGNER, "the signer's certificate is not included");
        }

        Instant signingTime = signingTime(signer.getSignedAttributes());
        try {
            if (!signer.verify(verifier(scheme, signerCert))) {
                return new SignatureCheck.Invalid(Failure.BAD_SIGNATURE, "the signature value does not verify");
            }
        } catch (CMSSignerDigestMismatchException e) {
            return new SignatureCheck.Invalid(Failure.CONTENT_MISMATCH, "the content is not what was signed");
        } catch (CMSVerifierCertificateNotValidException e) {
            return new SignatureCheck.Invalid(Failure.CERT_EXPIRED_AT_SIGNING,
                    "the signer's certificate was not valid at the signing time " + signingTime);
        } catch (CMSException e) {
            if (e.getCause() instanceof OperatorCreationException) {
                return new SignatureCheck.Invalid(Failure.UNSUPPORTED_ALGORITHM, String.valueOf(e.getMessage()));
            }
            return new SignatureCheck.Invalid(Failure.BAD_SIGNATURE, "the signature value does not verify: " + e.getMessage());
        } catch (OperatorCreationException e) {
            return new SignatureCheck.Invalid(Failure.UNSUPPORTED_ALGORITHM, "cannot verify " + scheme + " with this certificate");
        }
        Instant checkedAt = signingTime != null ? signingTime : Instant.now();
        if (checkedAt.isBefore(signerCert.getNotBefore().toInstant()) || checkedAt.isAfter(signerCert.getNotAfter().toInstant())) {
            return new SignatureCheck.Invalid(Failure.CERT_EXPIRED_AT_SIGNING,
                    "the signer's certificate was not valid at " + checkedAt);
        }

        boolean trusted = false;
        if (options.expectedSigner() != null) {
            if (!options.expectedSigner().equals(signerCert)) {
                return new SignatureCheck.Invalid(Failure.UNKNOWN_OR_UNTRUSTED_SIGNER, "signed by another certificate than expected");
            }
            trusted = true;
        }
        if (!options.trustAnchors().isEmpty()) {
            Optional<String> problem = Chains.validate(signerCert, embedded, options.trustAnchors(), checkedAt);
            if (problem.isPresent()) {
                return new SignatureCheck.Invalid(Failure.UNKNOWN_OR_UNTRUSTED_SIGNER, problem.get());
            }
            trusted = true;
        }
        return new SignatureCheck.Valid(signerCert, contentSha256, signingTime, scheme, trusted);
    }

    private static SignerInformationVerifier verifier(SignatureScheme scheme, X509Certificate cert) throws OperatorCreationException {
        JcaSignerInfoVerifierBuilder builder = new JcaSignerInfoVerifierBuilder(Digests.provider());
        if (scheme != SignatureScheme.RSA_PKCS1_SHA256) {
            builder.setProvider(Certificates.provider());
        }
        return builder.build(cert);
    }

    private static Instant signingTime(AttributeTable attributes) {
        Attribute a = attributes.get(CMSAttributes.signingTime);
        if (a == null || a.getAttrValues().size() != 1) {
            return null;
        }
        return Time.getInstance(a.getAttrValues().getObjectAt(0)).getDate().toInstant();
    }

    static SignatureScheme schemeOf(String oid) {
        return switch (oid) {
            case "1.2.840.113549.1.1.1", "1.2.840.113549.1.1.11", "1.2.840.113549.1.1.12", "1.2.840.113549.1.1.13" ->
                    SignatureScheme.RSA_PKCS1_SHA256;
            case "1.2.840.113549.1.1.10" -> SignatureScheme.RSA_PSS_SHA256;
            case "1.2.840.10045.4.3.2", "1.2.840.10045.4.3.3", "1.2.840.10045.4.3.4", "1.2.840.10045.2.1" ->
                    SignatureScheme.ECDSA_P256_SHA256;
            case "1.2.156.10197.1.501", "1.2.156.10197.1.301.1" -> SignatureScheme.SM2_SM3;
            default -> null;
        };
    }
}
