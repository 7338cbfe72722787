package org.sunbid.bid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberSetup;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.threshold.Share;
import org.sunbid.signing.threshold.ThresholdKeys;
import org.sunbid.support.Api;
import org.sunbid.support.MutableClock;
import tools.jackson.databind.JsonNode;

/**
 * For features that start where the opening ends (the expert draw): a lot published with a committee plan, sealed
 * bids from approved bidders, and a real opening by the custodians' shares. Exposes the sealed-bid test helpers to
 * other packages.
 */
public abstract class OpenedLotScenario extends BidScenario {

    /** The opened lot: ids, tokens and the bidders' member ids in submission order. */
    public record OpenedLot(UUID project, UUID lot, String staff, String regulator, String tendereeToken,
            UUID tenderee, List<UUID> bidders, List<UUID> bids) {
    }

    /** What a test does along the way; each step does nothing unless overridden. */
    public interface Steps {
        /** The project is a draft: the plan is not set yet. */
        default void beforePlan(String tendereeToken, UUID project, UUID lot) throws Exception {
        }

        /** The lot is published; no bid exists yet. */
        default void afterPublication(UUID project, UUID lot) throws Exception {
        }

        /** Every bid is in; the deadline and opening time have passed; the opening has not started. */
        default void beforeOpening(UUID project, UUID lot) throws Exception {
        }
    }

    /** A lot published with the committee {@code plan} (JSON body), {@code bidders} fresh bidders, opened. */
    protected OpenedLot openedLot(Map<String, Object> plan, int bidders) throws Exception {
        return openedLot(plan, bidders, List.of(), null, new Steps() {
        });
    }

    /**
     * A lot whose tenderee (the given one, or a fresh account) sets {@code plan} before publication; the given bidders
     * and fresh ones up to {@code bidders} submit; the opening runs to the end unless a step throws.
     */
    protected OpenedLot openedLot(Map<String, Object> plan, int bidders, List<MemberLogin> given, MemberLogin tenderee,
            Steps steps) throws Exception {
        String staff = platform(Role.STAFF);
        String regulator = platform(Role.REGULATOR);
        List<Person> custodians = custodians(3);
        Person owner = tenderee == null ? member(Role.TENDEREE, "西湖区城建中心") : login(tenderee, false);
        UUID[] ids = publishedProject(staff, regulator, owner, (t, project, lot) -> {
            steps.beforePlan(t.token(), project, lot);
            call(as(t.token(), put("/api/projects/{p}/lots/{l}/committee-plan", project, lot))
                    .content(Api.json(plan)), 200);
        });
        UUID project = ids[0];
        UUID lot = ids[1];
        steps.afterPublication(project, lot);
        X509Certificate opening = openingCertificate(project, lot);
        List<Person> people = new ArrayList<>();
        for (MemberLogin b : given) {
            people.add(login(b, true));
        }
        while (people.size() < bidders) {
            people.add(member(Role.BIDDER, "抽取测试投标人" + people.size()));
        }
        List<UUID> bids = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            Person bidder = people.get(i);
            call(as(staff, post("/api/projects/{p}/lots/{l}/deposits/{m}/clearance", project, lot, bidder.member())), 204);
            JsonNode receipt = submit(bidder, project, lot, sealedTender(bidder, lot, opening, (4_000_000 + i * 1000) + ".00"));
            bids.add(UUID.fromString(receipt.get("bidId").asText()));
        }
        clock.advance(Duration.ofDays(25).plusMinutes(31));
        steps.beforeOpening(project, lot);
        call(as(staff, post("/api/openings/{p}/{l}/start", project, lot)), 200);
        JsonNode session = null;
        for (Person custodian : custodians.subList(0, 2)) {
            for (JsonNode s : call(as(custodian.token(), get("/api/custodians/me/shares")), 200)) {
                if (s.get("lotId").asText().equals(lot.toString())) {
                    Share share = ThresholdKeys.open(Base64.getDecoder().decode(s.get("sealedBase64").asText()), custodian.key());
                    session = decrypted(custodian.token(), project, lot, call(release(custodian, project, lot, share), 200));
                }
            }
        }
        assertThat(session).isNotNull();
        assertThat(session.get("status").asText()).isEqualTo("OPENED");
        return new OpenedLot(project, lot, staff, regulator, owner.token(), owner.member(),
                people.stream().map(Person::member).toList(), bids);
    }

    /** An approved member registered by the test (so that it knows its code), ready to log in. */
    public record MemberLogin(UUID member, String username, String password) {
    }

    private Person login(MemberLogin m, boolean bindCertificate) throws Exception {
        var key = org.sunbid.support.TestCa.issue("CN=投标人,O=投标人",
                org.sunbid.signing.certs.Certificates.KeyAlgorithm.EC_P256, Duration.ofDays(365));
        if (bindCertificate) {
            members.bindCertificate(m.member(), org.sunbid.signing.certs.Certificates.toPem(key.certificate()), null);
        }
        return new Person(Api.login(mvc, m.username(), m.password()), m.member(), key);
    }

    protected String platformToken(Role role) throws Exception {
        return platform(role);
    }

    /** A member account of {@code role} with a fresh member id (no registry entry), logged in. */
    protected String memberToken(Role role, String name) throws Exception {
        return member(role, name).token();
    }

    protected JsonNode expect(RequestBuilder request, int status) throws Exception {
        return call(request, status);
    }

    protected MockHttpServletRequestBuilder with(String token, MockHttpServletRequestBuilder request) {
        return as(token, request);
    }

    protected MockMvc mvc() {
        return mvc;
    }

    protected MutableClock clock() {
        return clock;
    }

    protected MemberSetup members() {
        return members;
    }

    protected AccountManagement accounts() {
        return accounts;
    }

    protected JdbcClient jdbc() {
        return jdbc;
    }
}
