package org.sunbid.signing.timestamp;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.sunbid.signing.DigestAlgorithm;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.certs.Certificates.KeyAlgorithm;
import org.sunbid.signing.keys.SigningKey;

/**
 * An RFC 3161 time-stamping authority: answers DER {@code application/timestamp-query} bodies with DER
 * {@code application/timestamp-reply} bodies, and stamps digests directly. Thread-safe (signing is serialised).
 */
public final class TimeStampAuthority {

    /** Sunbid's TSA policy (a private arc; only identifies the policy in tokens). */
    public static final String DEFAULT_POLICY = "1.3.6.1.4.1.61961.1.1";

    private static final Set<ASN1ObjectIdentifier> ACCEPTED = Set.of(TSPAlgorithms.SHA256, TSPAlgorithms.SHA384,
            TSPAlgorithms.SHA512, TSPAlgorithms.SM3);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SigningKey key;
    private final Clock clock;
    private final TimeStampResponseGenerator responses;

    public TimeStampAuthority(SigningKey key, Clock clock) {
        this(key, clock, DEFAULT_POLICY);
    }

    public TimeStampAuthority(SigningKey key, Clock clock, String policy) {
        this.key = key;
        this.clock = clock;
        try {
            JcaContentSignerBuilder signerBuilder = new JcaContentSignerBuilder(signatureAlgorithm(key.algorithm()));
            if (key.algorithm() != KeyAlgorithm.RSA) {
                signerBuilder.setProvider(Certificates.provider());
            }
            SignerInfoGenerator signer = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .build(signerBuilder.build(key.privateKey()), key.certificate());
            DigestCalculator essCertIdDigest = new JcaDigestCalculatorProviderBuilder().build()
                    .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(signer, essCertIdDigest, new ASN1ObjectIdentifier(policy));
            tokens.addCertificates(new JcaCertStore(key.chain()));
            this.responses = new TimeStampResponseGenerator(tokens, ACCEPTED);
        } catch (Exception e) {
            throw new IllegalArgumentException("Cannot use this key as a time-stamping authority: " + e.getMessage(), e);
        }
    }

    static String signatureAlgorithm(KeyAlgorithm algorithm) {
        return switch (algorithm) {
            case RSA -> "SHA256withRSA";
            case EC_P256 -> "SHA256withECDSA";
            case SM2 -> "SM3withSM2";
        };
    }

    /**
     * Answers a DER TimeStampReq. A malformed request or an unaccepted digest algorithm yields a DER rejection
     * response (status rejection with failInfo), never an exception.
     */
    public byte[] respond(byte[] requestDer) {
        try {
            TimeStampRequest request;
            try {
                request = new TimeStampRequest(requestDer);
            } catch (IOException | RuntimeException e) {
                return responses.generateRejectedResponse(new TSPException("bad request")).getEncoded();
            }
            TimeStampResponse response;
            try {
                // BC's generator signs through one java.security.Signature: serialise (~10k responses/s is plenty).
                synchronized (responses) {
                    response = responses.generate(request, serial(), Date.from(clock.instant()));
                }
            } catch (RuntimeException e) {
                return responses.generateRejectedResponse(new TSPException("bad request")).getEncoded();
            }
            return response.getEncoded();
        } catch (TSPException | IOException e) {
            throw new IllegalStateException("time-stamping failed", e);
        }
    }

    /** Stamps {@code digest} and returns the token. */
    public Timestamp stamp(DigestAlgorithm algorithm, byte[] digest) {
        byte[] reply = respond(TimestampRequests.create(algorithm, digest));
        try {
            TimeStampResponse response = new TimeStampResponse(reply);
            if (response.getStatus() != PKIStatus.GRANTED || response.getTimeStampToken() == null) {
                throw new IllegalStateException("TSA refused its own request: " + response.getStatusString());
            }
            var token = response.getTimeStampToken();
            var info = token.getTimeStampInfo();
            return new Timestamp(token.getEncoded(), info.getGenTime().toInstant(), info.getSerialNumber(), algorithm,
                    info.getMessageImprintDigest(), info.getPolicy().getId(), key.certificate());
        } catch (TSPException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public SigningKey key() {
        return key;
    }

    private static BigInteger serial() {
        return new BigInteger(128, RANDOM);
    }
}
