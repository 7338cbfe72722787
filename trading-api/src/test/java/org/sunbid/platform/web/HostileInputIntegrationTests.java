package org.sunbid.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.sunbid.support.Api.bearer;
import static org.sunbid.support.Api.json;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.support.PlatformTest;
import org.sunbid.support.RoleTokens;

/** The attacks of issue 19, each answered with a 4xx problem+json that names the field or rule, never a 500. */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIntegrationTests {

    static final String TYPE = "https://sunbid.org/problems/";

    @Autowired
    MockMvc mvc;

    @Autowired
    RoleTokens roleTokens;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JwtEncoder jwt;

    Map<Role, String> tokens;

    @BeforeAll
    void accounts() throws Exception {
        tokens = roleTokens.oneAccountPerRole();
    }

    private static ResultActions problem(ResultActions result, int status, String type) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(TYPE + type));
    }

    @Test
    void refusesANulCharacterInAnonymousLoginNamingTheField() throws Exception {
        problem(mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("username", "admin\u0000", "password", "x")))), 400, "unsafe-text")
                .andExpect(jsonPath("$.field").value("username"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("U+0000")));
        problem(mvc.perform(post("/api/auth/challenges").contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("username", "bid\u0007der")))), 400, "unsafe-text")
                .andExpect(jsonPath("$.field").value("username"));
    }

    @Test
    void refusesControlCharactersInNestedFieldsButKeepsLineBreaksInText() throws Exception {
        var body = Map.of("name", "x", "contacts", java.util.List.of(Map.of("name", "李\u001b四")));
        problem(mvc.perform(post("/api/public/members/registrations").contentType(MediaType.APPLICATION_JSON)
                .content(json(body))), 400, "unsafe-text")
                .andExpect(jsonPath("$.field").value("contacts[0].name"));
        assertThat(TextRules.checkText("第一行\n第二行\t缩进\r\n")).isNull();
    }

    @Test
    void refusesARightToLeftOverrideInANameAndInAnUploadedFileName() throws Exception {
        problem(mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("username", "a\u202egpj.exe", "password", "x")))), 400, "unsafe-text")
                .andExpect(jsonPath("$.reason").value("bidi-override"));
        var qualification = new MockMultipartFile("qualification", "", "application/json",
                json(Map.of("type", "SAFETY_LICENSE", "number", "1", "validUntil", "2030-01-01")).getBytes());
        var scan = new MockMultipartFile("scan", "a\u202egpj.exe", "image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G' });
        problem(mvc.perform(multipart("/api/members/me/qualifications").file(qualification).file(scan)
                .header("Authorization", bearer(tokens.get(Role.BIDDER)))), 400, "validation")
                .andExpect(jsonPath("$.field").value("scan"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("U+202E")));
    }

    @Test
    void malformedPercentEncodingIsABadRequestNamingTheParameter() throws Exception {
        for (String path : new String[] { "/api/public/search?q=%FF", "/api/public/notices?q=%FF",
                "/api/public/search/suggest?field=name&q=%E4%B8" }) {
            problem(mvc.perform(get(URI.create(path))), 400, "malformed-encoding")
                    .andExpect(jsonPath("$.field").value("q"));
        }
        problem(mvc.perform(get("/api/public/search").with(request -> {
            request.setQueryString("q=%0");
            return request;
        })), 400, "malformed-encoding");
        problem(mvc.perform(get(URI.create("/api/public/search?q=a%00b"))), 400, "unsafe-text")
                .andExpect(jsonPath("$.field").value("q"));
    }

    @Test
    void aTokenWhoseSubjectIsNotAnAccountIdIsA401Problem() throws Exception {
        String token = token(JwtClaimsSet.builder().subject("not-a-uuid").expiresAt(Instant.now().plusSeconds(600)));
        problem(mvc.perform(get("/api/accounts/me").header("Authorization", bearer(token))), 401, "unauthorized");
    }

    @Test
    void aTokenWithoutExpiryIsRefused() throws Exception {
        var account = accounts.createPlatformAccount(org.sunbid.member.MemberFixtures.username("noexp"),
                org.sunbid.member.MemberFixtures.PASSWORD, Role.STAFF, "无期限", null);
        String token = token(JwtClaimsSet.builder().subject(account.toString()));
        problem(mvc.perform(get("/api/accounts/me").header("Authorization", bearer(token))), 401, "unauthorized");
        String withExpiry = token(JwtClaimsSet.builder().subject(account.toString())
                .expiresAt(Instant.now().plusSeconds(600)));
        mvc.perform(get("/api/accounts/me").header("Authorization", bearer(withExpiry))).andExpect(status().isOk());
    }

    private String token(JwtClaimsSet.Builder claims) {
        claims.issuer("sunbid").issuedAt(Instant.now()).claim("role", "STAFF").claim("tv", 0)
                .claim("username", "x");
        return jwt.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.ES256).build(), claims.build()))
                .getTokenValue();
    }

    @Test
    void problemDetailsNeverNameInternalExceptionClasses() throws Exception {
        String detail = problem(mvc.perform(post("/api/members/me/certificates")
                .header("Authorization", bearer(tokens.get(Role.BIDDER))).contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("certificate", "-----BEGIN CERTIFICATE-----\nMIIBAAAA\n-----END CERTIFICATE-----")))),
                400, "validation").andReturn().getResponse().getContentAsString();
        assertThat(detail).doesNotContainPattern("[A-Za-z]+Exception").doesNotContain("org.bouncycastle");
        assertThat(Problems.withoutClassNames(
                "证书无效：org.bouncycastle.jcajce.provider.asymmetric.x509.ExCertificateException: unable to decode"))
                .isEqualTo("证书无效：unable to decode");
        assertThat(Problems.withoutClassNames("java.io.IOException: CMSSignerDigestMismatchException bad"))
                .isEqualTo("bad");
    }

    @Test
    void notFoundNamesTheThingInTheCallersLanguage() throws Exception {
        String id = UUID.randomUUID().toString();
        problem(mvc.perform(get("/api/projects/" + id).header("Authorization", bearer(tokens.get(Role.STAFF)))),
                404, "not-found")
                .andExpect(jsonPath("$.detail").value("未找到项目：" + id));
        problem(mvc.perform(get("/api/projects/" + id).header("Authorization", bearer(tokens.get(Role.STAFF)))
                .header("Accept-Language", "en")), 404, "not-found")
                .andExpect(jsonPath("$.detail").value("No project found: " + id));
    }

    @Test
    void aMissingMultipartPartIsTranslatedAndNamed() throws Exception {
        problem(mvc.perform(multipart("/api/public/verify/pdf")
                .file(new MockMultipartFile("wrong", "a.pdf", "application/pdf", "%PDF-1.7".getBytes()))),
                400, "validation")
                .andExpect(jsonPath("$.field").value("file"))
                .andExpect(jsonPath("$.detail").value(Matchers.allOf(Matchers.containsString("file"),
                        Matchers.not(Matchers.containsString("problem.")))));
    }

    @Test
    void aRefusedRoleGets403BeforeItsBodyIsValidated() throws Exception {
        problem(mvc.perform(post("/api/projects").header("Authorization", bearer(tokens.get(Role.BIDDER)))
                .contentType(MediaType.APPLICATION_JSON).content("{}")), 403, "forbidden");
        problem(mvc.perform(post("/api/projects").header("Authorization", bearer(tokens.get(Role.BIDDER)))
                .contentType(MediaType.APPLICATION_JSON).content("{not json")), 403, "forbidden");
        problem(mvc.perform(post("/api/projects/" + UUID.randomUUID() + "/documents")
                .header("Authorization", bearer(tokens.get(Role.BIDDER)))
                .contentType(MediaType.TEXT_PLAIN).content("x")), 403, "forbidden");
        // the right role still learns what is wrong with its body
        problem(mvc.perform(post("/api/projects").header("Authorization", bearer(tokens.get(Role.TENDEREE)))
                .contentType(MediaType.APPLICATION_JSON).content("{}")), 400, "validation");
    }

    @Test
    void unknownQueryParametersAreRefusedNamingThem() throws Exception {
        problem(mvc.perform(get("/api/archives?projectId=" + UUID.randomUUID())
                .header("Authorization", bearer(tokens.get(Role.STAFF)))), 400, "unknown-parameter")
                .andExpect(jsonPath("$.field").value("projectId"))
                .andExpect(jsonPath("$.allowed").value(Matchers.hasItem("projectCode")));
        mvc.perform(get("/api/archives?projectCode=none").header("Authorization", bearer(tokens.get(Role.STAFF))))
                .andExpect(status().isOk());
    }

    @Test
    void aQualificationScanThatRunsJavaScriptIsRefused() throws Exception {
        byte[] qualification = json(Map.of("kind", "安全生产许可证", "number", "JS-1", "issuer", "住房和城乡建设部",
                "expiresOn", java.time.LocalDate.now().plusYears(1).toString())).getBytes(StandardCharsets.UTF_8);
        for (String catalogEntry : new String[] { "/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>",
                "/OpenAction << /S /Launch /F (cmd.exe) >>" }) {
            problem(mvc.perform(multipart("/api/members/me/qualifications")
                    .file(new MockMultipartFile("qualification", "", "application/json", qualification))
                    .file(new MockMultipartFile("scan", "scan.pdf", "application/pdf", minimalPdf(catalogEntry)))
                    .header("Authorization", bearer(tokens.get(Role.BIDDER)))), 422, "active-content")
                    .andExpect(jsonPath("$.field").value("scan"));
        }
        mvc.perform(multipart("/api/members/me/qualifications")
                .file(new MockMultipartFile("qualification", "", "application/json", qualification))
                .file(new MockMultipartFile("scan", "scan.pdf", "application/pdf", minimalPdf("")))
                .header("Authorization", bearer(tokens.get(Role.BIDDER)))).andExpect(status().isCreated());
    }

    @Test
    void thePublicVerifierReportsJavaScriptInAnUnsignedPdf() throws Exception {
        mvc.perform(multipart("/api/public/verify/pdf").file(new MockMultipartFile("file", "x.pdf", "application/pdf",
                minimalPdf("/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].field").value("(unsigned document)"))
                .andExpect(jsonPath("$[0].problems[0]").value("unsigned document"))
                .andExpect(jsonPath("$[0].notes[0]").value(org.hamcrest.Matchers.containsString("JavaScript")));
    }

    @Test
    void registrationRefusesADocumentSalePeriodAlreadyOver() throws Exception {
        var registration = new java.util.HashMap<>(org.sunbid.project.ProjectFixtures.openTender("过期发售期项目"));
        registration.put("documentsOnSaleFrom", Instant.now().minus(java.time.Duration.ofDays(28)).toString());
        registration.put("documentsOnSaleUntil", Instant.now().minus(java.time.Duration.ofDays(21)).toString());
        problem(mvc.perform(post("/api/projects").header("Authorization", bearer(tokens.get(Role.TENDEREE)))
                .contentType(MediaType.APPLICATION_JSON).content(json(registration))), 400, "validation")
                .andExpect(jsonPath("$.field").value("documentsOnSaleUntil"));
    }

    /** A one-page PDF with a correct cross-reference table and {@code catalogEntry} in its catalogue. */
    static byte[] minimalPdf(String catalogEntry) {
        StringBuilder pdf = new StringBuilder("%PDF-1.7\n");
        int[] offsets = new int[4];
        String[] objects = { "<< /Type /Catalog /Pages 2 0 R " + catalogEntry + " >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>" };
        for (int i = 1; i <= 3; i++) {
            offsets[i] = pdf.length();
            pdf.append(i).append(" 0 obj\n").append(objects[i - 1]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 4\n0000000000 65535 f \n");
        for (int i = 1; i <= 3; i++) {
            pdf.append("%010d 00000 n \n".formatted(offsets[i]));
        }
        pdf.append("trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
