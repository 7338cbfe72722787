package org.sunbid.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.sunbid.bid.BidManagement;
import org.sunbid.bid.BidView;
import org.sunbid.bid.Receipt;
import org.sunbid.demo.internal.DemoBidderFiles;
import org.sunbid.deposit.RefundManagement;
import org.sunbid.deposit.RefundReason;
import org.sunbid.evaluation.EvaluationReports;
import org.sunbid.evaluation.EvaluationSession;
import org.sunbid.evaluation.ScoreSheet;
import org.sunbid.expert.Committees;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.notice.Notice;
import org.sunbid.notice.NoticeKind;
import org.sunbid.notice.NoticeManagement;
import org.sunbid.opening.OpeningHall;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.platform.PlatformTrust;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ProjectManagement;
import org.sunbid.project.ProjectView;
import org.sunbid.signing.DigestAlgorithm;
import org.sunbid.signing.cms.CmsVerifier;
import org.sunbid.signing.cms.SignatureCheck;
import org.sunbid.signing.cms.VerifyOptions;
import org.sunbid.signing.keys.DemoCa;
import org.sunbid.signing.keys.Pkcs12;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.seal.OpenResult;
import org.sunbid.signing.seal.Opener;
import org.sunbid.signing.timestamp.TimestampCheck;
import org.sunbid.signing.timestamp.TimestampVerifier;
import org.sunbid.support.Api;
import org.sunbid.support.PlatformTest;

/**
 * The demo tender with a very short timing (one statutory day = 200 ms, so the 20-day bid period lasts 4 s plus a 30 s
 * lead — publication, keys, deposits and four sealed bids took over 20 s on a heavily loaded 2-core machine — and the
 * 3-day publicity 0.6 s): it starts by itself once the application is ready and is followed here to its opening
 * record, then through the expert draw and the evaluation by demo experts to the award notice the public finds.
 */
@PlatformTest
// this class's context is its own (its properties): closing it after the class stops the demo thread whether the test
// passed, failed or timed out — a demo left running broke DemoTenderOffIntegrationTests in the same JVM
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = { "sunbid.demo=true", "sunbid.demo.tender.day=200ms", "sunbid.demo.tender.lead=30s",
        "sunbid.demo.tender.bid-spacing=300ms", "sunbid.demo.tender.release-delay=700ms",
        "sunbid.demo.tender.objection-window=1s", "sunbid.demo.experts=80", "server.port=18093" })
class DemoTenderIntegrationTests {

    static final List<String> BIDDERS = List.of("bidder01", "bidder02", "bidder04", "bidder05");

    @Autowired
    DemoTender demo;
    @Autowired
    ProjectManagement projects;
    @Autowired
    BidManagement bids;
    @Autowired
    OpeningHall openings;
    @Autowired
    NoticeManagement notices;
    @Autowired
    AccountManagement accounts;
    @Autowired
    PlatformProperties properties;
    @Autowired
    PlatformTrust trust;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    Committees committees;
    @Autowired
    org.sunbid.search.SearchManagement search;
    @Autowired
    EvaluationReports reports;
    @Autowired
    RefundManagement depositRefunds;
    @Autowired
    org.sunbid.deposit.internal.RefundTriggerWorker refundTriggers;

    static final CurrentUser STAFF = new CurrentUser(new UUID(0, 7), "test-staff", Role.STAFF, Optional.empty());

    DemoTender.Status awaitEnd() {
        return org.awaitility.Awaitility.await("the demo tender ends").atMost(Duration.ofMinutes(6))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> demo.status().filter(s -> s.phase().equals("CONTRACTED") || s.phase().startsWith("FAILED")),
                        Optional::isPresent)
                .orElseThrow();
    }

    CurrentUser bidder(String username) {
        AccountManagement.AccountView a = accounts.findByUsername(username).orElseThrow();
        return new CurrentUser(a.id(), a.username(), a.role(), a.memberId());
    }

    @Test
    void runsByItselfFromPublicationThroughTheOpeningAndTheEvaluationByDemoExpertsToTheAwardNoticeThePublicFinds()
            throws Exception {
        DemoTender.Status end = awaitEnd();
        assertThat(end.phase()).isEqualTo("CONTRACTED");
        UUID lot = end.lotId();

        // publication: a published test project with an accelerated 20-day bid period and its announcement
        ProjectView project = projects.find(STAFF, ProjectId.of(DemoTender.PROJECT));
        assertThat(project.testProject()).isTrue();
        assertThat(project.tendereeMemberId()).isEqualTo(accounts.findByUsername("tenderee01").orElseThrow().memberId().orElseThrow());
        assertThat(Duration.between(project.documentsOnSaleFrom(), project.bidDeadline()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(4)).isLessThan(Duration.ofSeconds(36)); // 20 days + the lead
        List<Notice> projectNotices = notices.ofProject(ProjectId.of(DemoTender.PROJECT));
        assertThat(projectNotices).filteredOn(n -> n.kind() == NoticeKind.TENDER_ANNOUNCEMENT).hasSize(1);

        // bids: each demo bidder's sealed tender, received before the deadline with a signed, timestamped receipt
        for (String username : BIDDERS) {
            List<BidView> mine = bids.mine(bidder(username), LotId.of(lot));
            assertThat(mine).as(username).hasSize(1);
            BidView bid = mine.get(0);
            assertThat(bid.receivedAt()).isBefore(project.bidDeadline());
            Receipt receipt = bids.receipt(bidder(username), BidId.of(bid.id()));
            Path sealed = properties.dataDir().resolve("demo-tender").resolve(username).resolve("tender.sealed");
            String sha256 = HexFormat.of().formatHex(DigestAlgorithm.SHA256.digest(sealed));
            assertThat(receipt.sha256()).isEqualTo(sha256);
            assertThat(CmsVerifier.verify(Base64.getDecoder().decode(receipt.signature()),
                    receipt.statement().getBytes(StandardCharsets.UTF_8), VerifyOptions.trusting(List.of(trust.root()))))
                    .isInstanceOf(SignatureCheck.Valid.class);
            assertThat(TimestampVerifier.verify(Base64.getDecoder().decode(receipt.timestampToken()),
                    HexFormat.of().parseHex(sha256), List.of(trust.root()))).isInstanceOf(TimestampCheck.Valid.class);
            // sealed to the bidder's own certificate too: its demo key opens it
            SigningKey key = Pkcs12.read(properties.caDirectory().resolve(DemoBidderFiles.KEY_PREFIX + username + ".p12"),
                    properties.keys().passphrase().toCharArray());
            assertThat(Opener.open(sealed, key, sealed.resolveSibling("opened-by-bidder.p7s")))
                    .isInstanceOf(OpenResult.Opened.class);
        }

        // the opening: the job started the session, two custodians released signed shares, every bid was opened
        OpeningHall.SessionView session = openings.view(STAFF, ProjectId.of(DemoTender.PROJECT), LotId.of(lot));
        assertThat(session.status()).isEqualTo("OPENED");
        assertThat(session.releasedShares()).hasSizeGreaterThanOrEqualTo(session.threshold());
        assertThat(session.threshold()).isEqualTo(2);
        assertThat(session.startedAt()).isAfterOrEqualTo(project.openingAt());
        assertThat(session.results()).hasSize(BIDDERS.size()).allSatisfy(r -> {
            assertThat(r.decryption()).isEqualTo("DECRYPTED");
            assertThat(r.signature()).isEqualTo("VALID");
            assertThat(r.hashCheck()).isEqualTo("MATCHES");
        });
        List<BigDecimal> expected = new ArrayList<>();
        for (int i = 1; i <= BIDDERS.size(); i++) {
            expected.add(DemoBidderFiles.price(new BigDecimal("8600000.00"), i));
        }
        assertThat(session.results()).extracting(OpeningHall.ResultView::price)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(session.recordDocument()).isNotNull();
        assertThat(jdbc.sql("select count(*) from share_release where lot_id = :l").param("l", lot)
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);

        // the opening record notice
        Notice record = notices.ofProject(ProjectId.of(DemoTender.PROJECT)).stream().filter(n -> n.kind() == NoticeKind.OPENING_RECORD)
                .findFirst().orElseThrow();
        assertThat(record.title()).startsWith("【测试】开标记录");

        // where to watch it
        MvcResult r = mvc.perform(get("/api/public/demo-tender")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(Api.body(r).get("hallPath").asText())
                .isEqualTo("/hall.html?project=" + DemoTender.PROJECT + "&lot=" + lot);
        assertThat(Api.body(r).get("phase").asText()).isEqualTo("CONTRACTED");
        assertThat(Api.body(r).get("hallUrl").asText()).as("the real port, not a hard-coded 8080")
                .startsWith("http://localhost:18093/hall.html");

        evaluatedByDemoExpertsAndAwarded(lot);

        // a second run (a restart) adds nothing: no second project, bid, share release or notice
        long noticesBefore = notices.ofProject(ProjectId.of(DemoTender.PROJECT)).size();
        long bidsBefore = jdbc.sql("select count(*) from bid where lot_id = :l").param("l", lot).query(Long.class).single();
        assertThat(demo.run().phase()).isEqualTo("CONTRACTED");
        assertThat(notices.ofProject(ProjectId.of(DemoTender.PROJECT))).hasSize((int) noticesBefore);
        assertThat(jdbc.sql("select count(*) from bid where lot_id = :l").param("l", lot).query(Long.class).single())
                .isEqualTo(bidsBefore);
        assertThat(jdbc.sql("select count(*) from project where test_project").query(Long.class).single()).isEqualTo(1);
    }

    /**
     * The committee of five demo experts, their score sheets signed with their demo keys, the report carrying their five
     * signatures and the platform's (pdfsig), the candidates' publicity and the award notice, found by the public search.
     */
    void evaluatedByDemoExpertsAndAwarded(UUID lot) throws Exception {
        assertThat(committees.seated(LotId.of(lot))).hasSize(5);
        EvaluationSession session = reports.session(LotId.of(lot)).orElseThrow();
        assertThat(session.phase()).isEqualTo(EvaluationSession.Phase.CONCLUDED);
        assertThat(session.sheets()).hasSize(5 * BIDDERS.size());
        for (ScoreSheet sheet : session.sheets()) {
            byte[] signature = jdbc.sql("select signature from evaluation_sheet where lot_id = ? and bid_id = ? and member_id = ?")
                    .params(lot, sheet.bid().value(), sheet.member().value()).query(byte[].class).single();
            String content = jdbc.sql("select content from evaluation_sheet where lot_id = ? and bid_id = ? and member_id = ?")
                    .params(lot, sheet.bid().value(), sheet.member().value()).query(String.class).single();
            assertThat(CmsVerifier.verify(signature, content.getBytes(StandardCharsets.UTF_8),
                    VerifyOptions.trusting(List.of(DemoCa.loadOrCreate(properties.caDirectory(),
                            properties.keys().passphrase().toCharArray()).root().certificate()))))
                    .as("a sheet signed with a demo expert's key").isInstanceOf(SignatureCheck.Valid.class);
        }
        Path report = Files.write(properties.dataDir().resolve("demo-report-check.pdf"),
                reports.finalPdf(LotId.of(lot)).orElseThrow());
        Process pdfsig = new ProcessBuilder("pdfsig", report.toString()).redirectErrorStream(true).start();
        String out = new String(pdfsig.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        pdfsig.waitFor();
        assertThat(out.split("Signature Validation: Signature is Valid\\.", -1)).as(out).hasSize(5 + 2);

        List<Notice> all = notices.ofProject(ProjectId.of(DemoTender.PROJECT));
        assertThat(all).anyMatch(n -> n.kind() == NoticeKind.CANDIDATE_PUBLICITY);
        Notice awardNotice = all.stream().filter(n -> n.kind() == NoticeKind.AWARD).findFirst().orElseThrow();
        assertThat(awardNotice.title()).contains("中标结果公告");

        // the deposits: the award notice proposed the losers' refunds (NOT_AWARDED), each the 100,000.00 paid by the
        // demo statement, due after the notice; the signed contract proposed the winner's; one refund per bidder
        refundTriggers.drain(); // the triggers' refund work is done by a worker, from rows written with each act
        List<RefundManagement.RefundView> lotRefunds = depositRefunds.proposed().stream()
                .filter(f -> f.lot().equals(lot)).toList();
        assertThat(lotRefunds).as("the losers' refunds after the award").filteredOn(f -> f.reason() == RefundReason.NOT_AWARDED)
                .hasSize(BIDDERS.size() - 1).allSatisfy(f -> {
                    assertThat(f.principal().amount()).isEqualByComparingTo("100000.00");
                    assertThat(f.dueBy()).isAfter(awardNotice.publishedAt());
                    assertThat(f.payeeAccount()).isNotBlank();
                });
        assertThat(lotRefunds).as("the winner's refund after the contract")
                .filteredOn(f -> f.reason() == RefundReason.CONTRACT_SIGNED).hasSize(1);
        assertThat(lotRefunds).extracting(RefundManagement.RefundView::payeeName).doesNotHaveDuplicates()
                .hasSize(BIDDERS.size());
        org.awaitility.Awaitility.await("the public search finds the award notice").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    search.processOutbox(); // tests drain the search outbox themselves (no poller in the test profile)
                    MvcResult found = mvc.perform(get("/api/public/search").param("q", "老旧小区综合改造")
                            .param("kind", "award").param("includeTests", "true")).andReturn();
                    assertThat(found.getResponse().getStatus()).isEqualTo(200);
                    assertThat(Api.body(found).get("hits")).anyMatch(h -> h.get("title").asText().contains("中标结果公告")
                            && h.get("winner").asText().length() > 0);
                });
        MvcResult withoutTests = mvc.perform(get("/api/public/search").param("q", "老旧小区综合改造")
                .param("kind", "award")).andReturn();
        assertThat(Api.body(withoutTests).get("hits")).as("the demo tender is a test project: left out unless asked for")
                .noneMatch(h -> h.get("title").asText().contains("中标结果公告"));
    }
}
