package org.sunbid.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.sunbid.support.Api.bearer;
import static org.sunbid.support.Api.json;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.sunbid.platform.BlobStore;
import org.sunbid.support.Api;
import org.sunbid.support.PlatformTest;

@PlatformTest
class MemberRegistrationIntegrationTests {

    static final String REGISTRATIONS = "/api/public/members/registrations";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BlobStore blobs;

    private ResultActions registerJson(Object body) throws Exception {
        return mvc.perform(post(REGISTRATIONS).contentType(MediaType.APPLICATION_JSON).content(json(body)));
    }

    private ResultActions registerMultipart(Map<String, Object> body, MockMultipartFile... scans) throws Exception {
        var request = multipart(REGISTRATIONS).file(new MockMultipartFile("registration", "", "application/json",
                json(body).getBytes(StandardCharsets.UTF_8)));
        for (MockMultipartFile scan : scans) {
            request.file(scan);
        }
        return mvc.perform(request);
    }

    private static Map<String, Object> withQualification(Map<String, Object> body) {
        body.put("qualifications", List.of(Map.of("kind", "建筑业企业资质证书", "number", "D211234567", "grade", "施工总承包一级",
                "issuer", "北京市住房和城乡建设委员会", "expiresOn", "2030-12-31")));
        return body;
    }

    private long membersWithUscc(Object uscc) {
        return jdbc.sql("select count(*) from member where uscc = ?").param(uscc).query(Long.class).single();
    }

    private long accountsNamed(Object username) {
        return jdbc.sql("select count(*) from account where username = ?").param(username).query(Long.class).single();
    }

    @Test
    void aBidderRegistersWithAScanAndIsPendingWithAWorkingLogin() throws Exception {
        var body = withQualification(MemberFixtures.companyJson("BIDDER", "北京恒信建设工程有限公司"));
        byte[] scan = MemberFixtures.png(5_000);
        var result = registerMultipart(body, new MockMultipartFile("qualifications[0].scan", "资质.png", "image/png", scan))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andReturn();
        UUID id = UUID.fromString(Api.body(result).get("id").asText());

        String token = Api.login(mvc, (String) body.get("username"), MemberFixtures.PASSWORD);
        mvc.perform(get("/api/members/me").header("Authorization", bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id.toString()))
                .andExpect(jsonPath("$.role").value("BIDDER"))
                .andExpect(jsonPath("$.company.uscc").value(body.get("uscc")))
                .andExpect(jsonPath("$.company.regionName").value("北京市海淀区"));
        var quals = Api.body(mvc.perform(get("/api/members/me/qualifications").header("Authorization", bearer(token)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].scanType").value("image/png"))
                .andExpect(jsonPath("$[0].expired").value(false)).andReturn());
        String sha = quals.get(0).get("scanSha256").asText();
        assertThat(Files.readAllBytes(blobs.pathOf(sha))).isEqualTo(scan);
        assertThat(blobs.pathOf(sha).toString()).contains("blobs/sha256/" + sha.substring(0, 2) + "/" + sha.substring(2, 4));
        mvc.perform(get("/api/members/me/qualifications/" + quals.get(0).get("id").asText() + "/scan")
                .header("Authorization", bearer(token)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")));
    }

    @Test
    void refusesADuplicateCodeWith409NamingUscc() throws Exception {
        var first = MemberFixtures.companyJson("TENDEREE", "北京市海淀区教育委员会");
        registerJson(first).andExpect(status().isCreated());
        var second = MemberFixtures.companyJson("BIDDER", "另一家公司");
        second.put("uscc", first.get("uscc"));
        registerJson(second)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://sunbid.org/problems/duplicate-uscc"))
                .andExpect(jsonPath("$.field").value("uscc"));
        assertThat(accountsNamed(second.get("username"))).isZero();
    }

    @Test
    void refusesAWrongCheckCharacterWith400NamingUscc() throws Exception {
        var body = MemberFixtures.companyJson("BIDDER", "校验位错误有限公司");
        String uscc = (String) body.get("uscc");
        char wrong = uscc.charAt(17) == '0' ? '1' : '0';
        body.put("uscc", uscc.substring(0, 17) + wrong);
        registerJson(body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("uscc"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("校验位")));
        assertThat(accountsNamed(body.get("username"))).isZero();
    }

    @Test
    void refusesAForgedLegalRepresentativeIdNumberInEnglishToo() throws Exception {
        var body = MemberFixtures.companyJson("BIDDER", "身份证错误有限公司");
        body.put("legalRepresentative", Map.of("name", "张三", "idNumber", "110105194912310021"));
        mvc.perform(post(REGISTRATIONS).contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
                .content(json(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("legalRepresentative.idNumber"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("check digit")));
    }

    @Test
    void refusesA40MegabyteScanNamingTheFieldAndWritesNothing() throws Exception {
        var body = withQualification(MemberFixtures.companyJson("BIDDER", "超大扫描件有限公司"));
        registerMultipart(body, new MockMultipartFile("qualifications[0].scan", "big.png", "image/png",
                MemberFixtures.png(40 * 1024 * 1024)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.type").value("https://sunbid.org/problems/too-large"))
                .andExpect(jsonPath("$.field").value("qualifications[0].scan"));
        assertThat(membersWithUscc(body.get("uscc"))).isZero();
        assertThat(accountsNamed(body.get("username"))).isZero();
    }

    @Test
    void refusesAScanThatIsNotAnImageWhateverItsName() throws Exception {
        var body = withQualification(MemberFixtures.companyJson("BIDDER", "伪装扫描件有限公司"));
        registerMultipart(body, new MockMultipartFile("qualifications[0].scan", "licence.png", "image/png",
                "MZ this is an executable".getBytes(StandardCharsets.US_ASCII)))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.field").value("qualifications[0].scan"));
        assertThat(membersWithUscc(body.get("uscc"))).isZero();
    }

    @Test
    void refusesAQualificationWithoutItsScan() throws Exception {
        registerJson(withQualification(MemberFixtures.companyJson("AGENT", "缺扫描件招标代理有限公司")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("qualifications[0].scan"));
    }

    @Test
    void refusesAnUnknownRoleNamingRole() throws Exception {
        registerJson(MemberFixtures.companyJson("ADMIN", "想当管理员有限公司"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("role"));
    }

    @Test
    void storesSqlAndHtmlMetacharactersVerbatimWithoutExecutingThem() throws Exception {
        String name = "Robert'); DROP TABLE member;-- <script>alert('x')</script>&amp; \"有限公司\"";
        var body = MemberFixtures.companyJson("BIDDER", name);
        registerJson(body).andExpect(status().isCreated());
        String stored = jdbc.sql("select name from member where uscc = ?").param(body.get("uscc"))
                .query(String.class).single();
        assertThat(stored).isEqualTo(name);
        String token = Api.login(mvc, (String) body.get("username"), MemberFixtures.PASSWORD);
        mvc.perform(get("/api/members/me").header("Authorization", bearer(token)))
                .andExpect(jsonPath("$.name").value(name));
    }

    @Test
    void refusesControlCharactersInNames() throws Exception {
        var body = MemberFixtures.companyJson("BIDDER", "换行\n公司");
        registerJson(body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("name"));
        body.put("name", "正常公司");
        body.put("legalRepresentative", Map.of("name", "张\u0000三", "idNumber", MemberFixtures.idNumber()));
        registerJson(body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("legalRepresentative.name"));
    }

    @Test
    void namesEachMissingField() throws Exception {
        for (String field : List.of("name", "uscc", "address", "regionCode", "businessScope", "bankAccount",
                "legalRepresentative", "contacts")) {
            var body = MemberFixtures.companyJson("BIDDER", "缺字段有限公司");
            body.remove(field);
            registerJson(body)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value(field));
        }
        var body = MemberFixtures.companyJson("BIDDER", "缺字段有限公司");
        body.put("legalRepresentative", Map.of("name", "张三"));
        registerJson(body).andExpect(jsonPath("$.field").value("legalRepresentative.idNumber"));
    }

    @Test
    void namesTheFieldOfAWrongJsonType() throws Exception {
        var body = MemberFixtures.companyJson("BIDDER", "类型错误有限公司");
        body.put("contacts", "李四");
        registerJson(body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://sunbid.org/problems/malformed-body"))
                .andExpect(jsonPath("$.field").value("contacts"));
        body = MemberFixtures.companyJson("BIDDER", "类型错误有限公司");
        body.put("legalRepresentative", List.of(1, 2));
        registerJson(body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("legalRepresentative"));
    }

    @Test
    void aRefusedAccountLeavesNoMemberBehind() throws Exception {
        var first = MemberFixtures.companyJson("BIDDER", "先注册有限公司");
        registerJson(first).andExpect(status().isCreated());
        var second = MemberFixtures.companyJson("BIDDER", "后注册有限公司");
        second.put("username", first.get("username"));
        registerJson(second).andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("username"));
        var weak = MemberFixtures.companyJson("BIDDER", "弱密码有限公司");
        weak.put("password", "short");
        registerJson(weak).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("password"));
        assertThat(membersWithUscc(second.get("uscc"))).isZero();
        assertThat(membersWithUscc(weak.get("uscc"))).isZero();
        assertThat(accountsNamed(weak.get("username"))).isZero();
    }

    @Test
    void anExpertRegistersAndPoolEligibilityFollowsTitleAndYears() throws Exception {
        var senior = MemberFixtures.expert("ASSOCIATE_SENIOR", 9);
        mvc.perform(post("/api/public/experts/registrations").contentType(MediaType.APPLICATION_JSON)
                .content(json(senior))).andExpect(status().isCreated());
        String token = Api.login(mvc, senior.username(), MemberFixtures.PASSWORD);
        mvc.perform(get("/api/members/me").header("Authorization", bearer(token)))
                .andExpect(jsonPath("$.role").value("EXPERT"))
                .andExpect(jsonPath("$.expert.eligibleForPool").value(true));

        var junior = MemberFixtures.expert("INTERMEDIATE", 20);
        mvc.perform(post("/api/public/experts/registrations").contentType(MediaType.APPLICATION_JSON)
                .content(json(junior))).andExpect(status().isCreated());
        token = Api.login(mvc, junior.username(), MemberFixtures.PASSWORD);
        mvc.perform(get("/api/members/me").header("Authorization", bearer(token)))
                .andExpect(jsonPath("$.expert.eligibleForPool").value(false))
                .andExpect(jsonPath("$.expert.yearsInField").value(20));

        var again = MemberFixtures.expert("SENIOR", 10);
        var dup = new MemberForms.ExpertRegistration(again.username(), again.password(), again.name(),
                senior.idNumber(), again.employerUscc(), again.specialties(), again.title(), again.yearsInField(),
                again.phone());
        mvc.perform(post("/api/public/experts/registrations").contentType(MediaType.APPLICATION_JSON)
                .content(json(dup))).andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("idNumber"));
    }
}
