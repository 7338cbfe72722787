package org.sunbid.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.sunbid.support.Api.bearer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.platform.id.MemberId;
import org.sunbid.support.Api;
import org.sunbid.support.PlatformTest;

@PlatformTest
class DocumentIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DocumentManagement documents;

    @Autowired
    AccountManagement accounts;

    @Autowired
    org.sunbid.platform.PlatformProperties properties;

    @TempDir
    Path dir;

    String bidderToken(UUID memberId) throws Exception {
        String username = "bidder-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createMemberAccount(username, "Bidder#Passw0rd", Role.BIDDER, MemberId.of(memberId), "测试投标人");
        return Api.login(mvc, username, "Bidder#Passw0rd");
    }

    SignedDocument receiptFor(UUID bidder) {
        return documents.issue(new DocumentManagement.IssueRequest(DocumentKind.BID_RECEIPT, UUID.randomUUID(), bidder,
                Visibility.OWNER, PlatformDocuments.bidReceipt(new PlatformDocuments.BidReceipt("E3301000001202611270001",
                        "城西污水处理厂提标改造工程", "第一标段", "杭州江南建设有限公司", "91330100MA2B3C4D5E", UUID.randomUUID(),
                        "ab".repeat(32), 20_971_520, Instant.now(), Instant.now(), "1234"))));
    }

    @Test
    void issuesAReceiptThatPdfsigAndThePublicVerifierAccept() throws Exception {
        UUID bidder = UUID.randomUUID();
        SignedDocument receipt = receiptFor(bidder);
        byte[] pdf = mvc.perform(get("/api/documents/{id}/pdf", receipt.id()).header("Authorization", bearer(bidderToken(bidder))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(DocumentManagement.sha256(pdf)).isEqualTo(receipt.sha256());
        Path file = Files.write(dir.resolve("receipt.pdf"), pdf);
        assertThat(run("pdfsig", file.toString())).contains("Signature is Valid.");
        assertThat(run("pdftotext", file.toString(), "-")).contains("投标文件接收回执").contains("杭州江南建设有限公司");

        mvc.perform(multipart("/api/public/verify/pdf").file(new MockMultipartFile("file", "r.pdf", "application/pdf", pdf)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].problems").isEmpty())
                .andExpect(jsonPath("$[0].timestampTime").exists());

        pdf[pdf.length / 3] ^= 0x20;
        mvc.perform(multipart("/api/public/verify/pdf").file(new MockMultipartFile("file", "r.pdf", "application/pdf", pdf)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].problems").isNotEmpty());
    }

    @Test
    void aSignatureByAMemberKeyThatChainsToTheRootIsNotTakenForThePlatforms() throws Exception {
        UUID bidder = UUID.randomUUID();
        SignedDocument receipt = receiptFor(bidder);
        byte[] pdf = mvc.perform(get("/api/documents/{id}/pdf", receipt.id()).header("Authorization", bearer(bidderToken(bidder))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        Path original = Files.write(dir.resolve("platform-signed.pdf"), pdf);
        org.sunbid.signing.keys.SigningKey member = org.sunbid.signing.keys.DemoCa
                .loadOrCreate(properties.caDirectory(), properties.keys().passphrase().toCharArray())
                .issueMember("CN=冒充平台的会员,O=Someone", org.sunbid.signing.certs.Certificates.KeyAlgorithm.EC_P256);
        java.io.ByteArrayOutputStream countersigned = new java.io.ByteArrayOutputStream();
        org.sunbid.signing.pdf.PadesSigner.sign(original, countersigned, member, null,
                org.sunbid.signing.pdf.PadesSigner.Appearance.lastPage("会员", "冒充平台的会员", "test"), java.time.Instant.now());

        mvc.perform(multipart("/api/public/verify/pdf")
                        .file(new MockMultipartFile("file", "r.pdf", "application/pdf", countersigned.toByteArray())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].problems").isEmpty())
                .andExpect(jsonPath("$[1].signer").value(org.hamcrest.Matchers.containsString("冒充平台的会员")))
                .andExpect(jsonPath("$[1].problems[0]").value(
                        org.hamcrest.Matchers.containsString("not the platform's document signer")));
    }

    @Test
    void anotherBidderAndTheAnonymousPublicGet404ForAReceiptAndItsMetadata() throws Exception {
        SignedDocument receipt = receiptFor(UUID.randomUUID());
        mvc.perform(get("/api/documents/{id}/pdf", receipt.id()).header("Authorization", bearer(bidderToken(UUID.randomUUID()))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/public/documents/{id}/pdf", receipt.id())).andExpect(status().isNotFound());
        mvc.perform(get("/api/documents/{id}/pdf", receipt.id())).andExpect(status().isUnauthorized());
        // even its kind and time would tell an outsider that someone bid: no public metadata for a receipt
        mvc.perform(get("/api/public/documents/{id}", receipt.id())).andExpect(status().isNotFound());
        String staff = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createPlatformAccount(staff, "Staff#Passw0rd", Role.STAFF, "窗口", null);
        // and until the opening, staff neither (issue 13: only its bidder reads a receipt over HTTP)
        mvc.perform(get("/api/documents/{id}/pdf", receipt.id()).header("Authorization", bearer(Api.login(mvc, staff, "Staff#Passw0rd"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void publicOpeningRecordsDownloadWithoutLogin() throws Exception {
        SignedDocument record = documents.issue(new DocumentManagement.IssueRequest(DocumentKind.OPENING_RECORD,
                UUID.randomUUID(), null, Visibility.PUBLIC, PlatformDocuments.openingRecord(new PlatformDocuments.OpeningRecord(
                        "E3301000001202611270001", "城西污水处理厂提标改造工程", "第一标段", Instant.now(), "第一开标室",
                        List.of(new PlatformDocuments.OpeningLine("甲公司", "1,234,000.00", "300 日历天", "已缴纳", "有效", "已解密"),
                                new PlatformDocuments.OpeningLine("乙公司", "1,250,000.00", "320 日历天", "已缴纳", "有效", "已解密"),
                                new PlatformDocuments.OpeningLine("丙公司", "1,199,500.00", "310 日历天", "已缴纳", "有效", "已解密")),
                        "有效投标 3 家，开标完成"))));
        byte[] pdf = mvc.perform(get("/api/public/documents/{id}/pdf", record.id())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void refusesUploadsThatAreNotPdfsWithAProblemNamingTheFile() throws Exception {
        mvc.perform(multipart("/api/public/verify/pdf").file(new MockMultipartFile("file", "x.pdf", "application/pdf",
                "not a pdf at all".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("file"));
        mvc.perform(multipart("/api/public/verify/archive").file(new MockMultipartFile("file", "x.zip", "application/zip",
                "not a zip".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("file"));
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        p.waitFor(60, TimeUnit.SECONDS);
        return out.toString(StandardCharsets.UTF_8);
    }
}
