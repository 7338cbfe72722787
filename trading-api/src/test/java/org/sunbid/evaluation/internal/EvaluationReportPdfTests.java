package org.sunbid.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.evaluation.ComplianceVote;
import org.sunbid.evaluation.Criterion;
import org.sunbid.evaluation.EvaluationMethod;
import org.sunbid.evaluation.EvaluationPlan;
import org.sunbid.evaluation.EvaluationSession;
import org.sunbid.evaluation.OfferedBid;
import org.sunbid.evaluation.PreCheck;
import org.sunbid.evaluation.PriceScoreFormula;
import org.sunbid.evaluation.ScoreSheet;
import org.sunbid.expert.Committees.CommitteeMember;
import org.sunbid.expert.Committees.Role;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.keys.CertificateIssuer;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.pdf.PadesSigner;
import org.sunbid.signing.pdf.PdfRenderer;
import org.sunbid.signing.pdf.TimestampSource;
import org.sunbid.signing.timestamp.TimeStampAuthority;

/** The report PDF as members sign it in turn: each incremental signature accepted, every one valid in pdfsig. */
class EvaluationReportPdfTests {

    static final Instant T0 = Instant.parse("2026-12-03T02:00:00Z");
    static final List<SigningKey> keys = new ArrayList<>();
    static SigningKey platform;
    static TimestampSource tsa;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() {
        for (int i = 1; i <= 3; i++) {
            keys.add(CertificateIssuer.selfSigned("CN=评标专家" + i + ",O=专家库", Certificates.KeyAlgorithm.EC_P256,
                    Duration.ofDays(30)));
        }
        SigningKey root = CertificateIssuer.selfSignedCa("CN=Sunbid Root,O=Sunbid", Certificates.KeyAlgorithm.EC_P256,
                Duration.ofDays(60));
        platform = CertificateIssuer.issue(root, "CN=交易中心,O=Sunbid", Certificates.KeyAlgorithm.EC_P256,
                CertificateIssuer.Profile.DOCUMENT_SIGNER, Duration.ofDays(30));
        SigningKey tsaKey = CertificateIssuer.issue(root, "CN=TSA,O=Sunbid", Certificates.KeyAlgorithm.EC_P256,
                CertificateIssuer.Profile.TIME_STAMPING, Duration.ofDays(30));
        tsa = TimestampSource.of(new TimeStampAuthority(tsaKey, Clock.systemUTC()));
    }

    /** A concluded comprehensive-scoring session: three members, three bids, one failing compliance with dissent. */
    static EvaluationSession concluded() {
        List<CommitteeMember> committee = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            committee.add(new CommitteeMember(MemberId.of(UUID.randomUUID()), "评标专家" + i, Role.DRAWN_EXPERT));
        }
        EvaluationPlan plan = new EvaluationPlan(EvaluationMethod.COMPREHENSIVE_SCORING, List.of("资格审查"),
                List.of(new Criterion("price", "投标报价", Criterion.Category.PRICE, new java.math.BigDecimal("50")),
                        new Criterion("technical", "技术方案", Criterion.Category.TECHNICAL, new java.math.BigDecimal("50"))),
                new PriceScoreFormula.LowestPriceRatio(), List.of("土建"), null, null, null);
        List<OfferedBid> bids = List.of(
                new OfferedBid(BidId.of(UUID.randomUUID()), MemberId.of(UUID.randomUUID()), "杭州甲建设有限公司",
                        new java.math.BigDecimal("900000.00"), T0, List.of()),
                new OfferedBid(BidId.of(UUID.randomUUID()), MemberId.of(UUID.randomUUID()), "杭州乙建设有限公司",
                        new java.math.BigDecimal("950000.00"), T0.plusSeconds(1), List.of()),
                new OfferedBid(BidId.of(UUID.randomUUID()), MemberId.of(UUID.randomUUID()), "杭州丙建设有限公司",
                        new java.math.BigDecimal("990000.00"), T0.plusSeconds(2), List.of()));
        EvaluationSession s = EvaluationSession.open(LotId.of(UUID.randomUUID()), plan, bids, committee, T0,
                Duration.ofHours(4));
        for (var seat : s.active()) {
            s.checkIn(seat.member(), T0);
            s.declare(seat.member(), false, null, T0);
            s.voteChair(seat.member(), committee.get(0).member());
        }
        for (int i = 0; i < 3; i++) {
            MemberId m = committee.get(i).member();
            for (OfferedBid b : bids) {
                boolean pass = !b.equals(bids.get(2)) || i == 2;
                s.review(new ComplianceVote(m, b.bid(), "资格审查", pass, pass ? null : "项目经理证书过期"));
            }
        }
        for (int i = 0; i < 3; i++) {
            for (OfferedBid b : bids.subList(0, 2)) {
                s.submit(new ScoreSheet(b.bid(), committee.get(i).member(),
                        Map.of("technical", new java.math.BigDecimal(40 + i)), "", "ab".repeat(32)));
            }
        }
        s.drawReport(T0.plusSeconds(3600));
        return s;
    }

    byte[] memberSigns(byte[] current, SigningKey key, int n) throws Exception {
        Path in = dir.resolve("in-" + n + ".pdf");
        Files.write(in, current);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PadesSigner.sign(in, out, key, null, new PadesSigner.Appearance("评标委员会", "评标专家" + n, "评标报告签名", "",
                -1, 40 + 120 * ((n - 1) % 4), 160), Instant.now());
        return out.toByteArray();
    }

    static String pdfsig(Path pdf) throws Exception {
        Process p = new ProcessBuilder("pdfsig", pdf.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    @Test
    void everyMemberSignsInTurnThenThePlatformAndPdfsigFindsEverySignatureValid() throws Exception {
        EvaluationSession s = concluded();
        ByteArrayOutputStream drawn = new ByteArrayOutputStream();
        PdfRenderer.render(ReportContent.spec(new ReportContent.Header("E3301000001202612030001", "紫金港路提升改造工程",
                "第1标段 主线道路"), s, PreCheck.run(s.plan(), s.bids()), null), drawn);
        byte[] current = drawn.toByteArray();
        for (int i = 0; i < 3; i++) {
            byte[] signed = memberSigns(current, keys.get(i), i + 1);
            var report = IncrementalSignatures.check(current, signed, i, List.of(keys.get(i).certificate()));
            assertThat(report.signer()).contains("评标专家" + (i + 1));
            current = signed;
        }
        Path in = dir.resolve("members.pdf");
        Files.write(in, current);
        Path sealed = dir.resolve("sealed.pdf");
        try (var out = Files.newOutputStream(sealed)) {
            PadesSigner.sign(in, out, platform, tsa, new PadesSigner.Appearance("公共资源交易中心", "交易中心",
                    "评标报告签章", "", -1, 380, 40), Instant.now());
        }
        String report = pdfsig(sealed);
        assertThat(report.split("Signature Validation: Signature is Valid\\.", -1)).as(report).hasSize(5);
        assertThat(report).doesNotContain("Signature is Invalid");
        String text = new String(new ProcessBuilder("pdftotext", sealed.toString(), "-").start().getInputStream()
                .readAllBytes(), StandardCharsets.UTF_8);
        assertThat(text).contains("评标报告", "杭州甲建设有限公司", "项目经理证书过期", "第1中标候选人", "评标专家3");
    }

    @Test
    void refusesASignatureByAnotherKeyAChangedPrefixAndTwoSignaturesAtOnce() throws Exception {
        EvaluationSession s = concluded();
        ByteArrayOutputStream drawn = new ByteArrayOutputStream();
        PdfRenderer.render(ReportContent.spec(new ReportContent.Header("E1", "项目", "标段"), s, List.of(), null), drawn);
        byte[] current = drawn.toByteArray();
        byte[] byOther = memberSigns(current, keys.get(1), 1);
        assertThatThrownBy(() -> IncrementalSignatures.check(current, byOther, 0, List.of(keys.get(0).certificate())))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).type()).isEqualTo("report-signature-invalid"))
                .satisfies(e -> assertThat(((ProblemException) e).args()[0].toString())
                        .contains("not valid or not made with"));

        byte[] tampered = memberSigns(current, keys.get(0), 1);
        tampered[20] ^= 1;
        assertThatThrownBy(() -> IncrementalSignatures.check(current, tampered, 0, List.of(keys.get(0).certificate())))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).type()).isEqualTo("report-not-incremental"));

        byte[] twice = memberSigns(memberSigns(current, keys.get(0), 1), keys.get(0), 2);
        assertThatThrownBy(() -> IncrementalSignatures.check(current, twice, 0, List.of(keys.get(0).certificate())))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).type()).isEqualTo("report-signature-count"));
    }
}
