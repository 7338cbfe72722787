package org.sunbid.signing.timestamp;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPValidationException;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.bouncycastle.util.Selector;
import org.sunbid.signing.DigestAlgorithm;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.internal.Chains;

/**
 * Verifies RFC 3161 tokens, ours or a third party's: the CMS signature, the ESS signing-certificate binding, the
 * critical timeStamping EKU, the message imprint, and the chain to a trust anchor at the stamped time.
 */
public final class TimestampVerifier {

    private static final int MAX_BYTES = 256 * 1024;

    private TimestampVerifier() {
    }

    /**
     * Verifies a DER TimeStampResp (an openssl {@code .tsr}) or a bare DER TimeStampToken.
     *
     * @param expectedDigest the digest the token must cover, or null to accept any (then report it)
     * @param trustAnchors   root (or TSA) certificates to trust; the TSA's certificate may also be given here
     */
    public static TimestampCheck verify(byte[] responseOrToken, byte[] expectedDigest, Collection<X509Certificate> trustAnchors) {
        return verify(responseOrToken, expectedDigest, trustAnchors, true);
    }

    /**
     * Checks signature, EKU and imprint only, using the certificate carried in the token: it does NOT establish who
     * the authority is. For tools that report what a token says before the caller decides whom to trust.
     */
    public static TimestampCheck verifyWithoutTrust(byte[] responseOrToken, byte[] expectedDigest) {
        return verify(responseOrToken, expectedDigest, List.of(), false);
    }

    private static TimestampCheck verify(byte[] responseOrToken, byte[] expectedDigest, Collection<X509Certificate> trustAnchors,
            boolean requireTrust) {
        if (responseOrToken == null || responseOrToken.length == 0) {
            return new TimestampCheck.Invalid(TimestampCheck.Failure.MALFORMED, "empty time-stamp");
        }
        if (responseOrToken.length > MAX_BYTES) {
            return new TimestampCheck.Invalid(TimestampCheck.Failure.MALFORMED, "time-stamp too large");
        }
        TimeStampToken token;
        try {
            token = parse(responseOrToken);
        } catch (RejectedException e) {
            return new TimestampCheck.Invalid(TimestampCheck.Failure.REJECTED, e.getMessage());
        } catch (Exception e) {
            return new TimestampCheck.Invalid(TimestampCheck.Failure.MALFORMED, "not an RFC 3161 time-stamp token or response");
        }
        try {
            return check(token, expectedDigest, trustAnchors, requireTrust);
        } catch (RuntimeException e) {
            return new TimestampCheck.Invalid(TimestampCheck.Failure.MALFORMED, "malformed token: " + e.getClass().getSimpleName());
        }
    }

    private static final class RejectedException extends Exception {
        RejectedException(String m) {
            super(m);
        }
    }

    private static TimeStampToken parse(byte[] der) throws Exception {
        try {
            TimeStampResponse response = new TimeStampResponse(der);
            if (response.getStatus() != PKIStatus.GRANTED && response.getStatus() != PKIStatus.GRANTED_WITH_MODS) {
                throw new RejectedException("the time-stamping authority refused the request (status " + response.getStatus()
                        + (response.getStatusString() == null ? "" : ": " + response.getStatusString()) + ")");
            }
            if (response.getTimeStampToken() == null) {
                throw new RejectedException("response carries no token");
            }
            return response.getTimeStampToken();
        } catch (RejectedException e) {
            throw e;
        } catch (Exception notAResponse) {
            return new TimeStampToken(new CMSSignedData(der));
        }
    }

    private static TimestampCheck check(TimeStampToken token, byte[] expectedDigest, Collection<X509Certificate> anchors,
            boolean requireTrust)
            throws RuntimeException {
        TimeStampTokenInfo info = token.getTimeStampInfo();
        DigestAlgorithm algorithm = DigestAlgorithm.byOid(info.getMessageImprintAlgOID().getId());
        if (algorithm == null) {
            return new TimestampCheck.Invalid(TimestampCheck.Failure.UNSUPPORTED_ALGORITHM,
                    "imprint algorithm " + info.getMessageImprintAlgOID().getId());
        }
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(Certificates.provider());
        List<X509Certificate> embedded = new ArrayList<>();
        X509Certificate signerCert = null;
        try {
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> all = token.getCertificates().getMatches((Selector<X509CertificateHolder>) null);
            for (X509CertificateHolder h : all) {
                X509Certificate c = converter.getCertificate(h);
                embedded.add(c);
                if (token.getSID().match(h)) {
                    signerCert = c;
                }
            }
            if (signerCert == null && anchors != null) {
                for (X509Certificate a : anchors) {
                    if (token.getSID().match(new X509CertificateHolder(a.getEncoded()))) {
                        signerCert = a;
                    }
                }
            }
        } catch (CertificateException | IOException e) {
            return new TimestampCheck.Invalid(TimestampCheck.Failure.MALFORMED, "unreadable certificate in token");
        }
        if (signerCert == null) {
            return new TimestampCheck.Invalid(TimestampCheck.Failure.UNTRUSTED_AUTHORITY,
                    "the token carries no TSA certificate and none was given");
        }
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Certificates.provider()).build(signerCert));
        } catch (TSPValidationException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("ExtendedKeyUsage") || m.contains("extended key usage") || m.contains("timeStamping")) {
                return new TimestampCheck.Invalid(TimestampCheck.Failure.NOT_A_TIME_STAMPING_CERTIFICATE, m);
            }
            if (m.contains("not valid")) {
                return new TimestampCheck.Invalid(TimestampCheck.Failure.UNTRUSTED_AUTHORITY, m);
            }
            return new TimestampCheck.Invalid(TimestampCheck.Failure.BAD_SIGNATURE, m);
        } catch (Exception e) {
            return new TimestampCheck.Invalid(TimestampCheck.Failure.BAD_SIGNATURE, "signature check failed: " + e.getMessage());
        }
        byte[] imprint = info.getMessageImprintDigest();
        if (expectedDigest != null && !MessageDigest.isEqual(expectedDigest, imprint)) {
            return new TimestampCheck.Invalid(TimestampCheck.Failure.IMPRINT_MISMATCH, "the token covers another digest");
        }
        if (requireTrust && (anchors == null || anchors.isEmpty())) {
            return new TimestampCheck.Invalid(TimestampCheck.Failure.UNTRUSTED_AUTHORITY, "no trust anchor given");
        }
        Optional<String> chainProblem = requireTrust
                ? Chains.validate(signerCert, embedded, anchors, info.getGenTime().toInstant()) : Optional.empty();
        if (chainProblem.isPresent()) {
            return new TimestampCheck.Invalid(TimestampCheck.Failure.UNTRUSTED_AUTHORITY, chainProblem.get());
        }
        try {
            return new TimestampCheck.Valid(new Timestamp(token.getEncoded(), info.getGenTime().toInstant(), info.getSerialNumber(),
                    algorithm, imprint, info.getPolicy().getId(), signerCert));
        } catch (IOException e) {
            return new TimestampCheck.Invalid(TimestampCheck.Failure.MALFORMED, "cannot re-encode token");
        }
    }
}
