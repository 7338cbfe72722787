package org.sunbid.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.sunbid.support.Api.bearer;
import static org.sunbid.support.Api.json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.sunbid.identity.Role;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.keys.CertificateIssuer;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.support.Api;

/**
 * Certificates mean something: a member binds only a certificate issued by a CA the platform trusts (the demo CA in
 * demo mode, the configured list otherwise); a self-signed one, or one from an unknown CA, is refused naming the rule.
 * In demo mode the demo CA certifies a key the newcomer made with openssl, from its CSR.
 */
@DemoContextTest
class CertificateTrustIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberSetup members;

    @Autowired
    PlatformProperties properties;

    @TempDir
    Path dir;

    @Test
    void selfSignedAndUnknownCaCertificatesAreRefusedNamingTheRule() throws Exception {
        String token = bidderToken();
        SigningKey self = CertificateIssuer.selfSigned("CN=自签名投标人,O=自签名投标人", Certificates.KeyAlgorithm.EC_P256,
                Duration.ofDays(30));
        bind(token, Certificates.toPem(self.certificate())).andExpect(status().is(422))
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/certificate-self-signed")))
                .andExpect(jsonPath("$.field").value("certificate"));
        SigningKey rogueCa = CertificateIssuer.selfSignedCa("CN=Sunbid Demo Root CA,O=Sunbid,C=CN",
                Certificates.KeyAlgorithm.EC_P256, Duration.ofDays(30));
        SigningKey rogue = CertificateIssuer.issue(rogueCa, "CN=冒名投标人,O=冒名投标人", Certificates.KeyAlgorithm.EC_P256,
                CertificateIssuer.Profile.MEMBER, Duration.ofDays(30));
        bind(token, Certificates.toPem(rogue.certificate())).andExpect(status().is(422))
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/certificate-not-trusted")))
                .andExpect(jsonPath("$.field").value("certificate"));
        assertThat(members.certificates(memberOf(token)))
                .isEmpty();
    }

    @Test
    void inDemoModeTheDemoCaCertifiesAKeyMadeWithOpensslFromItsCsr() throws Exception {
        String token = bidderToken();
        Path key = dir.resolve("company.key.pem");
        Path csr = dir.resolve("company.csr.pem");
        openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
                key.toString(), "-subj", "/C=CN/O=Newcomer Construction Co/CN=Newcomer Construction Co", "-out", csr.toString());
        String issued = Api.body(mvc.perform(post("/api/demo/certificates").header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("csr", Files.readString(csr)))))
                .andExpect(status().isCreated()).andReturn()).get("certificate").asText();
        Path certificate = Files.writeString(dir.resolve("company.pem"), issued);
        // checked with openssl alone: issued by the demo root, for the key in the CSR
        assertThat(openssl("verify", "-CAfile", properties.caDirectory().resolve("root-ca.pem").toString(),
                certificate.toString())).contains(": OK");
        assertThat(openssl("x509", "-in", certificate.toString(), "-noout", "-pubkey"))
                .isEqualTo(openssl("pkey", "-in", key.toString(), "-pubout"));
        bind(token, issued).andExpect(status().isCreated());

        // a CSR whose signature does not verify (tampered subject) is refused naming the field
        String pem = Files.readString(csr);
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = java.util.Base64.getDecoder().decode(body);
        for (int i = 0; i < der.length - 4; i++) {
            if (der[i] == 'N' && der[i + 1] == 'e' && der[i + 2] == 'w') {
                der[i] = 'M';
                break;
            }
        }
        mvc.perform(post("/api/demo/certificates").header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("csr",
                        "-----BEGIN CERTIFICATE REQUEST-----\n" + java.util.Base64.getMimeEncoder().encodeToString(der)
                                + "\n-----END CERTIFICATE REQUEST-----\n"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("csr"));
    }

    private String bidderToken() throws Exception {
        MemberFixtures.Approved bidder = MemberFixtures.approved(members, Role.BIDDER);
        return Api.login(mvc, bidder.username(), MemberFixtures.PASSWORD);
    }

    private java.util.UUID memberOf(String token) throws Exception {
        return java.util.UUID.fromString(Api.body(mvc.perform(org.springframework.test.web.servlet.request
                .MockMvcRequestBuilders.get("/api/members/me").header("Authorization", bearer(token))).andReturn())
                .get("id").asText());
    }

    private ResultActions bind(String token, String certificate) throws Exception {
        return mvc.perform(post("/api/members/me/certificates").header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("certificate", certificate))));
    }

    private static String openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }
}
