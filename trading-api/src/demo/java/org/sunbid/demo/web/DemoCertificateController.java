package org.sunbid.demo.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.platform.ProblemException;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.keys.CertificateIssuer;
import org.sunbid.signing.keys.DemoCa;

/**
 * Demo mode only: the demo CA certifies a member's own key from a PKCS#10 request ({@code openssl req -new}), so a
 * newcomer can bind a certificate the platform trusts and bid with a key that never left their machine.
 */
@RestController
@ConditionalOnProperty(name = "sunbid.demo", havingValue = "true")
@Tag(name = "member", description = "会员 Members")
class DemoCertificateController {

    private static final Duration VALIDITY = Duration.ofDays(365);

    private final PlatformProperties properties;

    DemoCertificateController(PlatformProperties properties) {
        this.properties = properties;
    }

    record CsrInput(String csr) {
    }

    @PostMapping("/api/demo/certificates")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('BIDDER','TENDEREE','AGENT','EXPERT')")
    @Operation(summary = "演示 CA 签发会员证书（提交 CSR） Demo CA certifies your own key from a PKCS#10 request")
    Map<String, String> issue(CurrentUser user, @RequestBody CsrInput body) {
        user.requireMember();
        if (body == null || body.csr() == null || body.csr().isBlank() || body.csr().length() > 16_384) {
            throw ProblemException.invalid("csr", "member.csr.invalid", "empty or too long");
        }
        DemoCa ca = DemoCa.loadOrCreate(properties.caDirectory(), properties.keys().passphrase().toCharArray());
        try {
            var certificate = CertificateIssuer.certifyRequest(ca.root(), body.csr().getBytes(StandardCharsets.US_ASCII),
                    CertificateIssuer.Profile.MEMBER, VALIDITY);
            return Map.of("certificate", Certificates.toPem(certificate), "fingerprint", Certificates.fingerprint(certificate));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("csr", "member.csr.invalid", e.getMessage());
        }
    }
}
