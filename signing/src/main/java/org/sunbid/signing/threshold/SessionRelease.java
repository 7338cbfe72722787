package org.sunbid.signing.threshold;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.cms.CmsVerifier;
import org.sunbid.signing.cms.SignatureCheck;
import org.sunbid.signing.cms.VerifyOptions;
import org.sunbid.signing.internal.Json;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.seal.ContentCipher;

/**
 * A custodian's release of its share to an opening session, sealed by the custodian itself: the platform publishes
 * the session's ephemeral certificate with a binding (lot, session key id, the certificate's SHA-256) signed by its
 * document signer; the custodian checks that binding against the platform root it holds, seals the share to the
 * session certificate and signs the sealed bytes. The platform never sees the share in clear.
 */
public final class SessionRelease {

    private SessionRelease() {
    }

    /** Why a client refuses a published session key. */
    public static final class SessionKeyRefused extends RuntimeException {
        public SessionKeyRefused(String reason) {
            super(reason);
        }
    }

    /** What the platform states about a session key: for which lot and key id this certificate is. */
    public record Binding(UUID lot, UUID key, String certificateSha256, Instant createdAt) {

        public static Binding of(UUID lot, UUID key, X509Certificate certificate, Instant createdAt) {
            return new Binding(lot, key, Certificates.fingerprint(certificate), createdAt);
        }

        public String toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "sunbid-session-key");
            m.put("version", 1L);
            m.put("lotId", lot.toString());
            m.put("keyId", key.toString());
            m.put("certificateSha256", certificateSha256);
            m.put("createdAt", createdAt.toString());
            return Json.write(m);
        }

        public static Binding fromJson(String json) {
            try {
                Map<String, Object> m = Json.readObject(json);
                if (!"sunbid-session-key".equals(m.get("type")) || !Long.valueOf(1).equals(m.get("version"))) {
                    throw new SessionKeyRefused("not a Sunbid session-key binding (type/version)");
                }
                return new Binding(UUID.fromString(Json.string(m, "lotId")), UUID.fromString(Json.string(m, "keyId")),
                        Json.string(m, "certificateSha256"), Instant.parse(Json.string(m, "createdAt")));
            } catch (RuntimeException e) {
                throw e instanceof SessionKeyRefused refused ? refused
                        : new SessionKeyRefused("the session-key binding is malformed: " + e.getMessage());
            }
        }

        /** The platform's detached CMS signature over {@link #toJson()}, by its document signer. */
        public byte[] sign(SigningKey documentSigner) {
            return new CmsSigner(documentSigner).sign(toJson().getBytes(StandardCharsets.UTF_8), true);
        }
    }

    /** The sealed share and the custodian's detached CMS signature over exactly those sealed bytes. */
    public record Sealed(byte[] envelope, byte[] signature) {
    }

    /**
     * Checks a published session key before sealing anything to it: the binding is signed by a platform certificate
     * chaining to {@code platformRoot} (not a CA, not the time-stamping authority), names this lot and this key id, and
     * the certificate's SHA-256; the certificate is valid now.
     *
     * @throws SessionKeyRefused naming what does not hold
     */
    public static Binding check(UUID lot, UUID keyId, X509Certificate sessionCertificate, String bindingJson,
            byte[] bindingSignature, X509Certificate platformRoot, Instant now) {
        SignatureCheck check = CmsVerifier.verify(bindingSignature, bindingJson.getBytes(StandardCharsets.UTF_8),
                VerifyOptions.trusting(List.of(platformRoot)));
        if (!(check instanceof SignatureCheck.Valid valid) || !valid.trusted()) {
            throw new SessionKeyRefused("the session key is not signed by the platform: " + check);
        }
        X509Certificate signer = valid.signer();
        try {
            if (signer.getBasicConstraints() >= 0 || signer.getExtendedKeyUsage() != null) {
                throw new SessionKeyRefused("the session key is signed by " + signer.getSubjectX500Principal()
                        + ", which is not the platform's document signer");
            }
        } catch (CertificateParsingException e) {
            throw new SessionKeyRefused("the binding's signer certificate is malformed");
        }
        Binding binding = Binding.fromJson(bindingJson);
        if (!binding.lot().equals(lot)) {
            throw new SessionKeyRefused("the session key is bound to lot " + binding.lot() + ", not " + lot);
        }
        if (!binding.key().equals(keyId)) {
            throw new SessionKeyRefused("the session key is bound as " + binding.key() + ", not " + keyId);
        }
        if (!binding.certificateSha256().equals(Certificates.fingerprint(sessionCertificate))) {
            throw new SessionKeyRefused("the session certificate is not the one the platform bound");
        }
        if (now.isBefore(sessionCertificate.getNotBefore().toInstant()) || now.isAfter(sessionCertificate.getNotAfter().toInstant())) {
            throw new SessionKeyRefused("the session certificate is not valid now");
        }
        return binding;
    }

    /**
     * Seals the share to the (checked) session certificate (AES-256-GCM, or SM4-CBC to an SM2 key) and signs the
     * sealed bytes with the custodian's key.
     */
    public static Sealed seal(Share share, X509Certificate sessionCertificate, SigningKey custodian) {
        ContentCipher cipher = Certificates.algorithmOf(sessionCertificate) == Certificates.KeyAlgorithm.SM2
                ? ContentCipher.SM4_CBC : ContentCipher.AES_256_GCM;
        byte[] envelope = ThresholdKeys.seal(share, sessionCertificate, cipher);
        return new Sealed(envelope, new CmsSigner(custodian).sign(envelope, true));
    }
}
