package org.sunbid.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.sunbid.support.Api.bearer;
import static org.sunbid.support.Api.json;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.sunbid.identity.CertificateDirectory;
import org.sunbid.identity.Role;
import org.sunbid.platform.id.MemberId;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.support.Api;
import org.sunbid.support.MutableClock;
import tools.jackson.databind.JsonNode;

/** Certificate challenge login end to end: bind certificates, sign challenges, log in; replays and bad keys refused. */
@DemoContextTest
class CertificateLoginIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberSetup members;

    @Autowired
    MutableClock clock;

    @Autowired
    CertificateDirectory directory;

    @Autowired
    org.sunbid.identity.AccountManagement accounts;

    MemberFixtures.Approved bidder;
    String token;

    @BeforeEach
    void bidder() throws Exception {
        bidder = MemberFixtures.approved(members, Role.BIDDER);
        token = Api.login(mvc, bidder.username(), MemberFixtures.PASSWORD);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private ResultActions bind(String tokenOfMember, String certificate) throws Exception {
        return mvc.perform(post("/api/members/me/certificates").header("Authorization", bearer(tokenOfMember))
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("certificate", certificate))));
    }

    private ResultActions bindEndorsed(String tokenOfMember, TestCertificates.Holder next, String endorsement)
            throws Exception {
        return mvc.perform(post("/api/members/me/certificates").header("Authorization", bearer(tokenOfMember))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("certificate", next.pem(), "endorsement", endorsement))));
    }

    @Test
    void aMemberChangesItsCertificateOnlyWithTheCurrentOnesEndorsementOrThroughStaffReview() throws Exception {
        var current = TestCertificates.ecP256();
        var next = TestCertificates.ecP256();
        var stranger = TestCertificates.ecP256();
        bind(token, current.pem()).andExpect(status().isCreated());
        String fingerprint = Certificates.fingerprint(next.certificate());

        bind(token, next.pem())
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://sunbid.org/problems/certificate-change-unendorsed"))
                .andExpect(jsonPath("$.field").value("endorsement"));
        bindEndorsed(token, next, stranger.signCms(fingerprint)).andExpect(status().isUnprocessableContent());
        bindEndorsed(token, next, current.signCms("another fingerprint")).andExpect(status().isUnprocessableContent());
        bindEndorsed(token, next, "not base64!").andExpect(status().isUnprocessableContent());
        assertThat(directory.certificatesOf(MemberId.of(bidder.memberId()))).containsExactly(current.certificate());

        bindEndorsed(token, next, current.signCms(fingerprint)).andExpect(status().isCreated());
        assertThat(directory.certificatesOf(MemberId.of(bidder.memberId()))).contains(current.certificate(), next.certificate());

        var third = TestCertificates.ecP256();
        mvc.perform(post("/api/members/" + bidder.memberId() + "/certificates").header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("certificate", third.pem()))))
                .andExpect(status().isForbidden());
        String staffName = "cert-review-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        accounts.createPlatformAccount(staffName, MemberFixtures.PASSWORD, Role.STAFF, "审核员", null);
        String staff = Api.login(mvc, staffName, MemberFixtures.PASSWORD);
        mvc.perform(post("/api/members/" + bidder.memberId() + "/certificates").header("Authorization", bearer(staff))
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("certificate", third.pem()))))
                .andExpect(status().isCreated());
        assertThat(directory.certificatesOf(MemberId.of(bidder.memberId()))).contains(third.certificate());
    }

    private JsonNode challenge(String username) throws Exception {
        return Api.body(mvc.perform(post("/api/auth/challenges").contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("username", username))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNotEmpty())
                .andExpect(jsonPath("$.expiresAt").isNotEmpty())
                .andReturn());
    }

    private ResultActions answer(JsonNode challenge, String signature, String format) throws Exception {
        return mvc.perform(post("/api/auth/challenges/" + challenge.get("id").asText() + "/response")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("signature", signature, "format", format))));
    }

    private void logsInWith(JsonNode challenge, String signature, String format) throws Exception {
        JsonNode tokens = Api.body(answer(challenge, signature, format)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accessToken").isNotEmpty())
                .andExpect(jsonPath("$.refreshToken").isNotEmpty())
                .andReturn());
        mvc.perform(get("/api/members/me").header("Authorization", bearer(tokens.get("accessToken").asText())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(bidder.memberId().toString()));
    }

    @Test
    void ecP256RawSignatureLogsInOnceAndTheNonceCannotBeReplayed() throws Exception {
        var ec = TestCertificates.ecP256();
        bind(token, ec.pem()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.algorithm").value("EC_P256"))
                .andExpect(jsonPath("$.fingerprint").value(org.sunbid.signing.certs.Certificates.fingerprint(ec.certificate())));
        assertThat(directory.certificatesOf(MemberId.of(bidder.memberId()))).containsExactly(ec.certificate());

        JsonNode challenge = challenge(bidder.username());
        String signature = ec.signRaw(challenge.get("challenge").asText());
        logsInWith(challenge, signature, "RAW");
        answer(challenge, signature, "RAW")
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.field").value("signature"));
    }

    @Test
    void rsaRawAndEcCmsDetachedSignaturesLogIn() throws Exception {
        var rsa = TestCertificates.rsa(2048);
        var ec = TestCertificates.ecP256();
        bind(token, rsa.derBase64()).andExpect(status().isCreated()).andExpect(jsonPath("$.algorithm").value("RSA"));
        bindEndorsed(token, ec, rsa.signCms(Certificates.fingerprint(ec.certificate()))).andExpect(status().isCreated());

        JsonNode first = challenge(bidder.username());
        logsInWith(first, rsa.signRaw(first.get("challenge").asText()), "RAW");
        JsonNode second = challenge(bidder.username());
        logsInWith(second, ec.signCms(second.get("challenge").asText()), "CMS");
        JsonNode third = challenge(bidder.username());
        logsInWith(third, rsa.signCms(third.get("challenge").asText()), "CMS");
    }

    @Test
    void sm2RawSignatureLogsIn() throws Exception {
        var sm2 = TestCertificates.sm2();
        bind(token, sm2.pem()).andExpect(status().isCreated()).andExpect(jsonPath("$.algorithm").value("SM2"));
        JsonNode challenge = challenge(bidder.username());
        logsInWith(challenge, sm2.signRaw(challenge.get("challenge").asText()), "RAW");
    }

    @Test
    void aSignatureByAnUnboundKeyIsRefused() throws Exception {
        bind(token, TestCertificates.ecP256().pem()).andExpect(status().isCreated());
        var stranger = TestCertificates.ecP256();
        JsonNode challenge = challenge(bidder.username());
        answer(challenge, stranger.signRaw(challenge.get("challenge").asText()), "RAW")
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.field").value("signature"));
    }

    @Test
    void anExpiredNonceIsRefusedEvenWithAGoodSignature() throws Exception {
        var ec = TestCertificates.ecP256();
        bind(token, ec.pem()).andExpect(status().isCreated());
        JsonNode challenge = challenge(bidder.username());
        clock.advance(Duration.ofMinutes(3));
        answer(challenge, ec.signRaw(challenge.get("challenge").asText()), "RAW")
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.field").value("signature"));
    }

    @Test
    void aRevokedCertificateNoLongerLogsIn() throws Exception {
        var ec = TestCertificates.ecP256();
        String id = Api.body(bind(token, ec.pem()).andExpect(status().isCreated()).andReturn()).get("id").asText();
        mvc.perform(delete("/api/members/me/certificates/" + id).header("Authorization", bearer(token)))
                .andExpect(status().isNoContent());
        assertThat(directory.certificatesOf(MemberId.of(bidder.memberId()))).isEmpty();
        JsonNode challenge = challenge(bidder.username());
        answer(challenge, ec.signRaw(challenge.get("challenge").asText()), "RAW")
                .andExpect(status().isUnauthorized());
    }

    @Test
    void refusesExpiredNotYetValidMalformedWeakAndOddCurveCertificatesWithTheReason() throws Exception {
        Instant now = Instant.now();
        bind(token, TestCertificates.between(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))).pem())
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://sunbid.org/problems/certificate-not-valid"))
                .andExpect(jsonPath("$.field").value("certificate"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("过期")));
        bind(token, TestCertificates.between(now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(30))).pem())
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("certificate"));
        bind(token, "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("certificate"));
        bind(token, "not base64 at all!").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("certificate"));
        bind(token, TestCertificates.rsa(1024).pem())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("2048")));
        bind(token, TestCertificates.ecP384().pem())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("curve")));
        assertThat(directory.certificatesOf(MemberId.of(bidder.memberId()))).isEmpty();
    }

    @Test
    void aCertificateBindsToOneMemberOnly() throws Exception {
        var ec = TestCertificates.ecP256();
        bind(token, ec.pem()).andExpect(status().isCreated());
        bind(token, ec.derBase64()).andExpect(status().isConflict());
        var other = MemberFixtures.approved(members, Role.AGENT);
        String otherToken = Api.login(mvc, other.username(), MemberFixtures.PASSWORD);
        bind(otherToken, ec.pem())
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://sunbid.org/problems/certificate-already-bound"))
                .andExpect(jsonPath("$.field").value("certificate"));
        assertThat(directory.certificatesOf(MemberId.of(other.memberId()))).isEmpty();
    }
}
