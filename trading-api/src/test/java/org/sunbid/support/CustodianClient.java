package org.sunbid.support;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.threshold.SessionRelease;
import org.sunbid.signing.threshold.Share;
import tools.jackson.databind.JsonNode;

/**
 * What a custodian's client (bidtool release, the hall page) does with the session key the platform answered: checks
 * its binding against the platform root the custodian holds, seals the share to it and signs the sealed bytes.
 */
public final class CustodianClient {

    private CustodianClient() {
    }

    /** The body of {@code POST /api/openings/{p}/{l}/shares}: never the share itself. */
    public static Map<String, Object> sealedRelease(JsonNode sessionKey, UUID lot, Share share, SigningKey custodian,
            X509Certificate platformRoot) {
        X509Certificate certificate = Certificates.parse(sessionKey.get("certificate").asText().getBytes(StandardCharsets.US_ASCII));
        SessionRelease.check(lot, UUID.fromString(sessionKey.get("keyId").asText()), certificate,
                sessionKey.get("binding").asText(), Base64.getDecoder().decode(sessionKey.get("bindingSignature").asText()),
                platformRoot, Instant.now());
        SessionRelease.Sealed sealed = SessionRelease.seal(share, certificate, custodian);
        return Map.of("keyId", sessionKey.get("keyId").asText(), "index", share.index(),
                "sealedShare", Base64.getEncoder().encodeToString(sealed.envelope()),
                "signature", Base64.getEncoder().encodeToString(sealed.signature()));
    }
}
