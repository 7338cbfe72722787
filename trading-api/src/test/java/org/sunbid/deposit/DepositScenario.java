package org.sunbid.deposit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberManagement;
import org.sunbid.member.MemberSetup;
import org.sunbid.project.ProjectFixtures;
import org.sunbid.support.Api;
import org.sunbid.support.PlatformTest;
import tools.jackson.databind.JsonNode;

/** A published lot with two approved bidders, staff (maker and checker) and a regulator, all through the API. */
@PlatformTest
abstract class DepositScenario {

    static final String PASSWORD = "Sunbid@Deposit2026";
    static final String BASIC_ACCOUNT = "0200001509020123456";

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountManagement accounts;
    @Autowired
    MemberManagement members;
    @Autowired
    MemberSetup setup;

    record Bidder(UUID member, String token) {
    }

    record Lot(UUID project, UUID lot, String staff, String checker, String regulator, Bidder first, Bidder second) {
    }

    String login(Role role) throws Exception {
        String username = "dep-" + role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createPlatformAccount(username, PASSWORD, role, role + " 保证金测试", null);
        return Api.login(mvc, username, PASSWORD);
    }

    Bidder bidder() throws Exception {
        MemberFixtures.Approved a = MemberFixtures.approved(setup, Role.BIDDER);
        return new Bidder(a.memberId(), Api.login(mvc, a.username(), MemberFixtures.PASSWORD));
    }

    /** One published lot per test class (setting it up is the slow part); each call brings two fresh bidders. */
    private static Lot shared;

    Lot publishedLot() throws Exception {
        if (shared == null || sharedBy != getClass()) {
            shared = newLot();
            sharedBy = getClass();
        }
        return new Lot(shared.project(), shared.lot(), shared.staff(), shared.checker(), shared.regulator(), bidder(),
                bidder());
    }

    private static Class<?> sharedBy;

    private Lot newLot() throws Exception {
        String staff = login(Role.STAFF);
        String regulator = login(Role.REGULATOR);
        MemberFixtures.Approved t = MemberFixtures.approved(setup, Role.TENDEREE);
        String tenderee = Api.login(mvc, t.username(), MemberFixtures.PASSWORD);
        Map<String, Object> r = ProjectFixtures.openTender("保证金测试工程" + UUID.randomUUID().toString().substring(0, 4));
        r.put("lots", List.of(Map.of("name", "第一标段", "estimate", "10000000.00", "deposit", "200000.00")));
        UUID project = UUID.fromString(call(as(tenderee, post("/api/projects")).content(Api.json(r)), 201).get("id").asText());
        call(as(tenderee, post("/api/projects/{id}/submit", project)), 200);
        call(as(staff, post("/api/projects/{id}/accept", project)), 200);
        call(multipart("/api/projects/{id}/documents", project)
                .file(new MockMultipartFile("file", "招标文件.pdf", "application/pdf", "文件".getBytes(StandardCharsets.UTF_8)))
                .header("Authorization", Api.bearer(tenderee)), 201);
        for (String token : List.of(staff, regulator)) {
            for (String item : List.of("ANNOUNCEMENT", "TENDER_DOCUMENTS")) {
                call(as(token, post("/api/projects/{id}/review", project))
                        .content(Api.json(Map.of("item", item, "version", 1, "decision", "APPROVE"))), 200);
            }
        }
        call(as(tenderee, post("/api/projects/{id}/publish", project)), 200);
        UUID lot = UUID.fromString(call(as(staff, get("/api/projects/{id}", project)), 200).get("lots").get(0).get("id").asText());
        return new Lot(project, lot, staff, login(Role.STAFF), regulator, null, null);
    }

    JsonNode deposit(Lot l, Bidder b) throws Exception {
        return call(as(b.token(), get("/api/projects/{p}/lots/{l}/deposit", l.project(), l.lot())), 200);
    }

    JsonNode importStatement(String staff, StatementFormat format, String body, int status) throws Exception {
        return call(post("/api/deposits/statements").param("format", format.name())
                .header("Authorization", Api.bearer(staff))
                .contentType(format == StatementFormat.CSV ? MediaType.TEXT_PLAIN : MediaType.APPLICATION_XML)
                .content(body.getBytes(StandardCharsets.UTF_8)), status);
    }

    static String csvLine(String ref, String direction, String amount, String va, String payer) {
        return csvLine(ref, java.time.LocalDate.now(org.sunbid.platform.PlatformZone.ZONE), direction, amount, va, payer);
    }

    static String csvLine(String ref, java.time.LocalDate booked, String direction, String amount, String va, String payer) {
        return String.join(",", ref, booked.toString(), direction, amount, "CNY", va, payer, "测试公司", "", "", "false");
    }

    java.math.BigDecimal bankBalance(String staff) throws Exception {
        return call(as(staff, get("/api/deposits/ledger")), 200).get("bankBalance").decimalValue();
    }

    MockHttpServletRequestBuilder as(String token, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", Api.bearer(token)).contentType(MediaType.APPLICATION_JSON);
    }

    JsonNode call(RequestBuilder request, int status) throws Exception {
        MvcResult r = mvc.perform(request).andReturn();
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getResponse().getStatus()).as(body).isEqualTo(status);
        return body.isEmpty() || !body.startsWith("{") && !body.startsWith("[") ? null : Api.body(r);
    }
}
