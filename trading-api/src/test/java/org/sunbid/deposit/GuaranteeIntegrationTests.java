package org.sunbid.deposit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.bid.DepositGate;
import org.sunbid.deposit.internal.PdfGuarantee;
import org.sunbid.document.DocumentId;
import org.sunbid.document.DocumentManagement;
import org.sunbid.platform.PlatformZone;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.pdf.PadesSigner;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.keys.CertificateIssuer;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Electronic guarantees (电子保函) against the real database: the trust list, a bidder's CMS-signed guarantee securing
 * the deposit gate, the attacks a cheating bidder or a forger would try, the sealed log entries, and the claim on a
 * forfeit as a platform-signed demand letter that pdfsig accepts.
 */
class GuaranteeIntegrationTests extends DepositScenario {

    private static final SigningKey ISSUER_CA = CertificateIssuer.selfSignedCa("CN=阳光担保有限公司 CA,O=阳光担保有限公司,C=CN",
            org.sunbid.signing.certs.Certificates.KeyAlgorithm.EC_P256, Duration.ofDays(3650));
    private static final SigningKey ISSUER = CertificateIssuer.issue(ISSUER_CA, "CN=阳光担保有限公司 保函签章,O=阳光担保有限公司,C=CN",
            Certificates.KeyAlgorithm.EC_P256, CertificateIssuer.Profile.MEMBER, Duration.ofDays(730));
    private static final SigningKey FORGER = CertificateIssuer.selfSigned("CN=阳光担保有限公司 保函签章,O=阳光担保有限公司,C=CN",
            Certificates.KeyAlgorithm.EC_P256, Duration.ofDays(730));

    @Autowired
    DepositGate gate;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DocumentManagement documents;
    @Autowired
    org.sunbid.support.MutableClock clock;

    private Lot l;
    private JsonNode project;

    @BeforeEach
    void trustTheIssuer() throws Exception {
        l = publishedLot();
        project = call(as(l.staff(), get("/api/projects/{id}", l.project())), 200);
        boolean listed = jdbc.sql("select count(*) from deposit_guarantee_issuer where fingerprint = ? and removed_at is null")
                .param(Certificates.fingerprint(ISSUER_CA.certificate())).query(Long.class).single() > 0;
        if (!listed) {
            call(as(l.staff(), post("/api/deposits/guarantee-issuers")).content(Api.json(Map.of("name", "阳光担保有限公司",
                    "certificate", Certificates.toPem(ISSUER_CA.certificate())))), 201);
        }
    }

    private String uscc(UUID member) {
        return members.find(MemberId.of(member)).orElseThrow().company().uscc();
    }

    /** The guarantee terms a genuine issuer would sign for {@code b} on the shared lot. */
    private Map<String, Object> terms(Bidder b, String number) {
        LocalDate deadline = LocalDate.ofInstant(Instant.parse(project.get("bidDeadline").asText()), PlatformZone.ZONE);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("format", "sunbid-guarantee/1");
        t.put("guaranteeNo", number);
        t.put("issuer", Map.of("name", "阳光担保有限公司"));
        t.put("applicant", Map.of("name", "投标人", "uscc", uscc(b.member())));
        t.put("beneficiary", Map.of("name", project.get("tendereeName").asText(),
                "uscc", uscc(UUID.fromString(project.get("tendereeMemberId").asText()))));
        t.put("projectCode", project.get("transactionCode").asText());
        t.put("lotNumber", project.get("lots").get(0).get("number").asInt());
        t.put("amount", "200000.00");
        t.put("currency", "CNY");
        t.put("validFrom", LocalDate.now(PlatformZone.ZONE).toString());
        t.put("validUntil", deadline.plusDays(120).toString());
        return t;
    }

    private static byte[] sign(SigningKey key, Map<String, Object> terms) throws Exception {
        return new CmsSigner(key).sign(Api.json(terms).getBytes(StandardCharsets.UTF_8), false);
    }

    private JsonNode upload(Bidder b, byte[] signed, int status) throws Exception {
        return call(post("/api/projects/{p}/lots/{l}/guarantee", l.project(), l.lot())
                .header("Authorization", Api.bearer(b.token())).contentType(MediaType.APPLICATION_OCTET_STREAM)
                .content(signed), status);
    }

    private boolean secured(Bidder b) {
        return gate.secured(new LotId(l.lot()), new MemberId(b.member()));
    }

    private static String number() {
        return "BH" + UUID.randomUUID().toString().substring(0, 12);
    }

    @Test
    void aVerifiedGuaranteeSecuresTheGateForItsBidderAndStaysSealedUntilTheOpening() throws Exception {
        assertThat(secured(l.first())).isFalse();
        byte[] signed = sign(ISSUER, terms(l.first(), number()));
        JsonNode g = upload(l.first(), signed, 201);
        assertThat(g.get("state").asText()).isEqualTo("ACCEPTED");
        assertThat(g.get("issuer").asText()).isEqualTo("阳光担保有限公司");

        assertThat(secured(l.first())).isTrue();
        assertThat(secured(l.second())).isFalse();
        // the same upload again is not a second guarantee
        assertThat(upload(l.first(), signed, 201).get("id")).isEqualTo(g.get("id"));
        assertThat(call(as(l.first().token(), get("/api/deposits/guarantees/mine")), 200)).hasSize(1);

        // before the opening staff see no payer and no guarantee holder
        JsonNode lot = call(as(l.staff(), get("/api/projects/{p}/lots/{l}/deposits", l.project(), l.lot())), 200);
        assertThat(lot.get("payers")).isEmpty();
        // the log knows a guarantee was accepted on this lot, not by whom
        UUID guarantee = UUID.fromString(g.get("id").asText());
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                select count(*) from supervision_entry where action = 'deposit.guarantee-accepted' and subject = ?""")
                .param(l.lot().toString()).query(Long.class).single() > 0);
        List<String> logged = jdbc.sql("""
                select actor || ' ' || details from supervision_entry
                where action in ('deposit.guarantee-accepted', 'deposit.guarantee-refused')""")
                .query(String.class).list();
        assertThat(logged).allSatisfy(e -> assertThat(e).startsWith("sealed ")
                .doesNotContain(l.first().member().toString()).doesNotContain(guarantee.toString()));
        // the trust list change is logged in the open
        assertThat(jdbc.sql("select count(*) from supervision_entry where action = 'deposit.guarantee-issuer-trusted'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void refusesForgedAlteredMisdirectedShortExpiredReusedAndOthersGuarantees() throws Exception {
        Bidder a = l.first();
        Bidder b = l.second();
        // untrusted issuer: same name, its own self-signed key
        assertRefused(a, sign(FORGER, terms(a, number())), 422, "guarantee-untrusted-issuer", "issuer");
        // altered after signing: the amount raised inside the signed bytes
        Map<String, Object> low = terms(a, number());
        low.put("amount", "100000.00");
        byte[] altered = sign(ISSUER, low);
        replace(altered, "100000.00", "900000.00");
        assertRefused(a, altered, 422, "guarantee-altered", "document");
        // another lot of the same project
        Map<String, Object> other = terms(a, number());
        other.put("lotNumber", 2);
        assertRefused(a, sign(ISSUER, other), 422, "guarantee-lot", "lotNumber");
        // another beneficiary
        Map<String, Object> beneficiary = terms(a, number());
        beneficiary.put("beneficiary", Map.of("name", "别的招标人", "uscc", uscc(b.member())));
        assertRefused(a, sign(ISSUER, beneficiary), 422, "guarantee-beneficiary", "beneficiary");
        // amount below the lot's deposit (200,000.00)
        assertRefused(a, sign(ISSUER, low), 422, "guarantee-amount", "amount");
        // expired
        Map<String, Object> expired = terms(a, number());
        expired.put("validFrom", LocalDate.now(PlatformZone.ZONE).minusDays(30).toString());
        expired.put("validUntil", LocalDate.now(PlatformZone.ZONE).minusDays(1).toString());
        assertRefused(a, sign(ISSUER, expired), 422, "guarantee-expired", "validUntil");
        // valid today, but shorter than the bid validity period (90 days after the deadline)
        Map<String, Object> shortLived = terms(a, number());
        shortLived.put("validUntil", LocalDate.now(PlatformZone.ZONE).plusDays(40).toString());
        assertRefused(a, sign(ISSUER, shortLived), 422, "guarantee-validity", "validUntil");
        // not signed at all
        assertRefused(a, Api.json(terms(a, number())).getBytes(StandardCharsets.UTF_8), 400, "validation", "document");
        assertThat(secured(a)).isFalse();
        assertThat(jdbc.sql("select count(*) from deposit_guarantee where member_id = ?").param(a.member())
                .query(Long.class).single()).isZero();

        // a genuine one is accepted ...
        String no = number();
        byte[] genuine = sign(ISSUER, terms(a, no));
        upload(a, genuine, 201);
        // ... another bidder cannot use it ...
        assertRefused(b, genuine, 422, "guarantee-applicant", "applicant");
        // ... and the issuer's same guarantee number cannot secure a second bid
        assertRefused(b, sign(ISSUER, terms(b, no)), 409, "guarantee-reused", "guaranteeNo");
        assertThat(secured(b)).isFalse();
        assertThat(secured(a)).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                select count(*) from supervision_entry where action = 'deposit.guarantee-refused' and subject = ?""")
                .param(l.lot().toString()).query(Long.class).single() >= 10);
    }

    @Test
    void theProjectsBidValidityPeriodRecordedByStaffDecidesHowLongAGuaranteeMustLast() throws Exception {
        Bidder a = l.first();
        String path = "/api/projects/{p}/bid-validity";
        assertThat(call(as(a.token(), get(path, l.project())), 200).get("days").asInt()).as("the default").isEqualTo(90);
        // attacks: a bidder cannot shorten it, nonsense periods are refused naming the field, nothing is recorded
        call(as(a.token(), put(path, l.project())).content(Api.json(Map.of("days", 1))), 403);
        for (Object days : new Object[] { 0, 366, -5 }) {
            assertThat(call(as(l.staff(), put(path, l.project())).content(Api.json(Map.of("days", days))), 400)
                    .get("field").asText()).isEqualTo("days");
        }
        assertThat(call(as(l.staff(), put(path, l.project())).content("{}"), 400).get("field").asText()).isEqualTo("days");
        call(as(l.staff(), put(path, UUID.randomUUID())).content(Api.json(Map.of("days", 30))), 404);
        assertThat(jdbc.sql("select count(*) from deposit_bid_validity where project_id = ?").param(l.project())
                .query(Long.class).single()).isZero();
        try {
            // the tender documents say 150 days: a guarantee lasting 120 days after the deadline no longer suffices
            assertThat(call(as(l.staff(), put(path, l.project())).content(Api.json(Map.of("days", 150))), 200)
                    .get("days").asInt()).isEqualTo(150);
            assertRefused(a, sign(ISSUER, terms(a, number())), 422, "guarantee-validity", "validUntil");
            Map<String, Object> longer = terms(a, number());
            LocalDate deadline = LocalDate.ofInstant(Instant.parse(project.get("bidDeadline").asText()), PlatformZone.ZONE);
            longer.put("validUntil", deadline.plusDays(150).toString());
            upload(a, sign(ISSUER, longer), 201);
            assertThat(secured(a)).isTrue();
            // once the deadline has passed the period is fixed: guarantees were checked against it
            clock.advance(Duration.between(Instant.now(), Instant.parse(project.get("bidDeadline").asText()))
                    .plusMinutes(1));
            assertThat(call(as(l.staff(), put(path, l.project())).content(Api.json(Map.of("days", 30))), 409)
                    .get("type").asText()).endsWith("/bid-validity-fixed");
        } finally {
            clock.reset();
            jdbc.sql("delete from deposit_bid_validity where project_id = ?").param(l.project()).update();
        }
    }

    @Test
    void aForfeitOfAGuaranteedDepositIsClaimedByAPlatformSignedDemandLetter() throws Exception {
        Bidder a = l.first();
        UUID guarantee = UUID.fromString(upload(a, sign(ISSUER, terms(a, number())), 201).get("id").asText());
        String forfeit = call(as(l.staff(), post("/api/deposits/forfeits")).content(Api.json(Map.of("lotId", l.lot(),
                "memberId", a.member(), "reason", "中标后无正当理由拒签合同"))), 201).get("id").asText();
        assertThat(secured(a)).isTrue(); // a proposal alone claims nothing
        // the regulator's list: names, the guarantee, nothing held in money
        JsonNode proposal = null;
        for (JsonNode f : call(as(l.regulator(), get("/api/deposits/forfeits")), 200)) {
            if (f.get("id").asText().equals(forfeit)) {
                proposal = f;
            }
        }
        assertThat(proposal).isNotNull();
        assertThat(proposal.get("bidder").asText()).isEqualTo(members.find(MemberId.of(a.member())).orElseThrow().company().name());
        assertThat(proposal.get("guarantee").asText()).contains("阳光担保有限公司");
        assertThat(proposal.get("held").decimalValue()).isZero();
        assertThat(proposal.get("state").asText()).isEqualTo("PROPOSED");
        call(as(l.regulator(), post("/api/deposits/forfeits/{id}/decision", forfeit))
                .content(Api.json(Map.of("approve", true))), 204);

        JsonNode mine = call(as(a.token(), get("/api/deposits/guarantees/mine")), 200).get(0);
        assertThat(mine.get("state").asText()).isEqualTo("CLAIMED");
        assertThat(secured(a)).isFalse();
        UUID letter = UUID.fromString(mine.get("claimDocument").asText());
        assertThat(documents.find(DocumentId.of(letter)).orElseThrow().subjectId()).isEqualTo(guarantee);
        Path pdf = Files.createTempFile("claim-", ".pdf");
        try {
            Files.write(pdf, documents.pdfForPlatform(DocumentId.of(letter)).orElseThrow());
            assertThat(pdfsig(pdf)).contains("Signature is Valid.");
        } finally {
            Files.deleteIfExists(pdf);
        }
        assertThat(jdbc.sql("select count(*) from supervision_entry where action = 'deposit.guarantee-claimed'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void aPadesSignedPdfGuaranteeIsCheckedLikeTheJsonOneAndPdfsigAcceptsTheIssuersFile() throws Exception {
        Bidder a = l.first();
        Bidder b = l.second();
        String no = number();
        Map<String, Object> terms = terms(a, no);
        byte[] pdf = pdfGuarantee(ISSUER, terms);
        // the issuer's file is a standard PAdES signature: poppler's pdfsig verifies it
        Path file = Files.createTempFile("guarantee-", ".pdf");
        try {
            Files.write(file, pdf);
            assertThat(pdfsig(file)).contains("Signature is Valid.").contains("ETSI.CAdES.detached");
        } finally {
            Files.deleteIfExists(file);
        }

        // untrusted issuer: same name, its own self-signed key
        assertRefused(a, pdfGuarantee(FORGER, terms(a, number())), 422, "guarantee-untrusted-issuer", "issuer");
        // altered after signing (1): a byte inside the signed range
        byte[] flipped = pdf.clone();
        int comment = indexOf(flipped, "%", 1) + 1; // the header's binary comment: still a readable PDF
        flipped[comment] ^= 0x01;
        assertRefused(a, flipped, 422, "guarantee-altered", "document");
        // altered after signing (2): an incremental update swaps the terms for another lot's, signature untouched
        Map<String, Object> otherLot = new LinkedHashMap<>(terms);
        otherLot.put("lotNumber", 2);
        byte[] updated = withTermsUpdated(pdf, Api.json(otherLot).getBytes(StandardCharsets.UTF_8));
        assertThat(attachedTerms(updated)).as("a reader would now see the other lot").contains("\"lotNumber\":2");
        assertRefused(a, updated, 422, "guarantee-altered", "document");
        // the same rules as the JSON form: a guarantee for another lot, signed by the issuer, is refused by lot
        assertRefused(a, pdfGuarantee(ISSUER, otherLot), 422, "guarantee-lot", "lotNumber");
        // a signed PDF without the terms attachment, and an unsigned one
        assertThat(upload(a, pdfGuarantee(ISSUER, null), 400).get("field").asText()).isEqualTo("document");
        assertRefused(a, unsignedPdf(terms), 400, "validation", "document");
        assertThat(secured(a)).isFalse();

        // the genuine file secures the deposit; uploading it again is the same guarantee
        JsonNode g = upload(a, pdf, 201);
        assertThat(g.get("guaranteeNo").asText()).isEqualTo(no);
        assertThat(g.get("issuer").asText()).isEqualTo("阳光担保有限公司");
        assertThat(upload(a, pdf, 201).get("id")).isEqualTo(g.get("id"));
        assertThat(secured(a)).isTrue();
        // it cannot secure anyone else's bid, nor can its number be used again (in either form)
        assertRefused(b, pdf, 422, "guarantee-applicant", "applicant");
        assertRefused(b, pdfGuarantee(ISSUER, terms(b, no)), 409, "guarantee-reused", "guaranteeNo");
        assertRefused(b, sign(ISSUER, terms(b, no)), 409, "guarantee-reused", "guaranteeNo");
        assertThat(secured(b)).isFalse();
    }

    private void assertRefused(Bidder b, byte[] signed, int status, String type, String field) throws Exception {
        JsonNode problem = upload(b, signed, status);
        assertThat(problem.get("type").asText()).endsWith("/" + type);
        assertThat(problem.get("field").asText()).as(problem.toString()).isEqualTo(field);
    }

    private static void replace(byte[] bytes, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.US_ASCII);
        byte[] t = to.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + f.length <= bytes.length; i++) {
            for (int j = 0; j < f.length; j++) {
                if (bytes[i + j] != f[j]) {
                    continue outer;
                }
            }
            System.arraycopy(t, 0, bytes, i, t.length);
            return;
        }
        throw new AssertionError("not found: " + from);
    }

    private static String pdfsig(Path pdf) throws Exception {
        Process p = new ProcessBuilder("pdfsig", pdf.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
    /**
     * A guarantee as an issuer issues it in PDF (layout in docs/deposits.md): a page stating it, the terms as the
     * embedded file guarantee.json ({@code null}: none), the whole file signed with PAdES by {@code key}.
     */
    private static byte[] pdfGuarantee(SigningKey key, Map<String, Object> terms) throws Exception {
        Path unsigned = Files.createTempFile("guarantee-unsigned-", ".pdf");
        try {
            Files.write(unsigned, unsignedPdf(terms));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            PadesSigner.sign(unsigned, out, key, null,
                    PadesSigner.Appearance.lastPage("阳光担保有限公司", "阳光担保有限公司", "投标保函开立"), Instant.now());
            return out.toByteArray();
        } finally {
            Files.deleteIfExists(unsigned);
        }
    }

    private static byte[] unsignedPdf(Map<String, Object> terms) throws Exception {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(72, 760);
                text.showText(terms == null ? "Bid guarantee" : "Bid guarantee " + terms.get("guaranteeNo") + ", CNY "
                        + terms.get("amount") + ", valid until " + terms.get("validUntil"));
                text.endText();
            }
            if (terms != null) {
                PDComplexFileSpecification spec = new PDComplexFileSpecification();
                spec.setFile(PdfGuarantee.TERMS_FILE);
                spec.setFileUnicode(PdfGuarantee.TERMS_FILE);
                attach(document, spec, Api.json(terms).getBytes(StandardCharsets.UTF_8));
                PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
                tree.setNames(Map.of(PdfGuarantee.TERMS_FILE, spec));
                PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
                names.setEmbeddedFiles(tree);
                document.getDocumentCatalog().setNames(names);
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static void attach(PDDocument document, PDComplexFileSpecification spec, byte[] json) throws Exception {
        PDEmbeddedFile file = new PDEmbeddedFile(document, new java.io.ByteArrayInputStream(json));
        file.setSubtype("application/json");
        file.setSize(json.length);
        spec.setEmbeddedFile(file);
        spec.setEmbeddedFileUnicode(file);
    }

    /** The signed file with an incremental update that replaces its terms attachment (what a forger would append). */
    private static byte[] withTermsUpdated(byte[] signed, byte[] json) throws Exception {
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
            PDEmbeddedFilesNameTreeNode tree = names.getEmbeddedFiles();
            PDComplexFileSpecification spec = tree.getNames().get(PdfGuarantee.TERMS_FILE);
            attach(document, spec, json);
            for (COSDictionary changed : List.of(document.getDocumentCatalog().getCOSObject(), names.getCOSObject(),
                    tree.getCOSObject(), spec.getCOSObject(), spec.getCOSObject().getCOSDictionary(COSName.EF))) {
                changed.setNeedToBeUpdated(true);
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            document.saveIncremental(out); // the original bytes, then the update
            assertThat(out.size()).isGreaterThan(signed.length);
            return out.toByteArray();
        }
    }

    private static String attachedTerms(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new String(document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames()
                    .get(PdfGuarantee.TERMS_FILE).getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8);
        }
    }

    private static int indexOf(byte[] bytes, String what, int from) {
        byte[] w = what.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = from; i + w.length <= bytes.length; i++) {
            for (int j = 0; j < w.length; j++) {
                if (bytes[i + j] != w[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found: " + what);
    }
}
