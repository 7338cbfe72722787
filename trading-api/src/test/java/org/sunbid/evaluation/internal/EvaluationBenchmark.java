package org.sunbid.evaluation.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

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
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.cms.CmsVerifier;
import org.sunbid.signing.cms.SignatureCheck;
import org.sunbid.signing.cms.VerifyOptions;
import org.sunbid.signing.keys.CertificateIssuer;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.pdf.PadesSigner;
import org.sunbid.signing.pdf.PdfRenderer;
import org.sunbid.signing.pdf.TimestampSource;
import org.sunbid.signing.timestamp.TimeStampAuthority;

/**
 * Not a test: the platform's side of evaluating one lot of {@code -Dbids} (200) bids by {@code -Dmembers} (9) experts
 * with comprehensive scoring — compliance votes, signed score sheets (parse, CMS verification against the member's
 * certificate, completeness), ranking, the report PDF, and the report signed in turn by every member (each upload
 * checked as one incremental PAdES signature) then sealed by the platform with a timestamp. Each step is given as a
 * ratio to a baseline measured in the same run: one plain PAdES signature of the same report PDF with PDFBox.
 * The session is stored as a JSON snapshot on every act, so one snapshot write + read is measured too.
 * Run with {@code trading-api/bench/evaluation-bench.sh}.
 */
public final class EvaluationBenchmark {

    public static void main(String[] args) throws Exception {
        int bidCount = Integer.getInteger("bids", 200);
        int memberCount = Integer.getInteger("members", 9);
        Path dir = Files.createTempDirectory("evaluation-bench");
        Instant t0 = Instant.parse("2026-12-03T02:00:00Z");
        Random random = new Random(16);

        List<SigningKey> keys = new ArrayList<>();
        List<CommitteeMember> committee = new ArrayList<>();
        for (int i = 1; i <= memberCount; i++) {
            keys.add(CertificateIssuer.selfSigned("CN=评标专家" + i + ",O=专家库", Certificates.KeyAlgorithm.EC_P256,
                    Duration.ofDays(30)));
            committee.add(new CommitteeMember(MemberId.of(UUID.randomUUID()), "评标专家" + i, Role.DRAWN_EXPERT));
        }
        SigningKey root = CertificateIssuer.selfSignedCa("CN=Sunbid Root,O=Sunbid", Certificates.KeyAlgorithm.EC_P256,
                Duration.ofDays(60));
        SigningKey platform = CertificateIssuer.issue(root, "CN=交易中心,O=Sunbid", Certificates.KeyAlgorithm.EC_P256,
                CertificateIssuer.Profile.DOCUMENT_SIGNER, Duration.ofDays(30));
        TimestampSource tsa = TimestampSource.of(new TimeStampAuthority(CertificateIssuer.issue(root, "CN=TSA,O=Sunbid",
                Certificates.KeyAlgorithm.EC_P256, CertificateIssuer.Profile.TIME_STAMPING, Duration.ofDays(30)),
                Clock.systemUTC()));
        EvaluationPlan plan = new EvaluationPlan(EvaluationMethod.COMPREHENSIVE_SCORING, List.of("资格审查", "响应性"),
                List.of(new Criterion("price", "投标报价", Criterion.Category.PRICE, new BigDecimal("40")),
                        new Criterion("technical", "技术方案", Criterion.Category.TECHNICAL, new BigDecimal("40")),
                        new Criterion("business", "商务", Criterion.Category.BUSINESS, new BigDecimal("20"))),
                new PriceScoreFormula.BenchmarkDeviation(new BigDecimal("0.05"), BigDecimal.ONE,
                        new BigDecimal("0.5")), List.of(), null, null, null);
        List<OfferedBid> bids = new ArrayList<>();
        for (int i = 0; i < bidCount; i++) {
            bids.add(new OfferedBid(BidId.of(UUID.randomUUID()), MemberId.of(UUID.randomUUID()),
                    "投标人%03d建设有限公司".formatted(i + 1),
                    new BigDecimal(8_000_000 + random.nextInt(1_500_000)).setScale(2), t0.plusSeconds(i), List.of()));
        }
        EvaluationSession s = EvaluationSession.open(LotId.of(UUID.randomUUID()), plan, bids, committee, t0,
                Duration.ofHours(8));
        for (CommitteeMember m : committee) {
            s.checkIn(m.member(), t0);
            s.declare(m.member(), false, null, t0);
            s.voteChair(m.member(), committee.get(0).member());
        }
        Map<String, Long> millis = new LinkedHashMap<>();

        millis.put("compliance: %d votes (members × bids × 2 criteria)".formatted(memberCount * bidCount * 2),
                time(() -> {
                    for (CommitteeMember m : committee) {
                        for (OfferedBid b : bids) {
                            for (String c : plan.complianceCriteria()) {
                                boolean pass = b != bids.get(7) || m == committee.get(0);
                                s.review(new ComplianceVote(m.member(), b.bid(), c, pass, pass ? null : "业绩不符"));
                            }
                        }
                    }
                    return null;
                }));
        List<String> contents = new ArrayList<>();
        List<byte[]> signatures = new ArrayList<>();
        List<OfferedBid> compliant = s.compliantBids();
        millis.put("(members sign %d sheets on their machines; not the platform's time)".formatted(
                memberCount * compliant.size()), time(() -> {
                    for (int i = 0; i < memberCount; i++) {
                        for (OfferedBid b : compliant) {
                            String content = ("{\"format\":\"sunbid-score-sheet/1\",\"lot\":\"%s\",\"bid\":\"%s\","
                                    + "\"member\":\"%s\",\"values\":{\"technical\":\"%d\",\"business\":\"%d\"}}")
                                    .formatted(s.lot().value(), b.bid().value(), committee.get(i).member().value(),
                                            20 + random.nextInt(21), 10 + random.nextInt(11));
                            contents.add(content);
                            signatures.add(new CmsSigner(keys.get(i)).sign(content.getBytes(StandardCharsets.UTF_8),
                                    true));
                        }
                    }
                    return null;
                }));
        millis.put("scoring: %d sheets parsed, CMS-verified against the member's certificate, checked".formatted(
                contents.size()), time(() -> {
                    int n = 0;
                    for (int i = 0; i < memberCount; i++) {
                        for (OfferedBid b : compliant) {
                            byte[] bytes = contents.get(n).getBytes(StandardCharsets.UTF_8);
                            MemberId member = committee.get(i).member();
                            SheetContent parsed = SheetContent.parse(bytes, s.lot(), b.bid(), member);
                            if (!(CmsVerifier.verify(signatures.get(n), bytes, VerifyOptions.expecting(
                                    keys.get(i).certificate())) instanceof SignatureCheck.Valid)) {
                                throw new IllegalStateException("sheet signature invalid");
                            }
                            s.submit(new ScoreSheet(b.bid(), member, parsed.values(), parsed.comment(),
                                    SheetContent.sha256(bytes)));
                            n++;
                        }
                    }
                    return null;
                }));
        millis.put("session snapshot: one JSON write + read (done on every act)", time(() ->
                EvaluationStore.read(EvaluationStore.write(s))));
        millis.put("ranking: assessment (price formula, means, outliers) and candidates", time(() ->
                s.drawReport(t0.plusSeconds(3600))));
        ByteArrayOutputStream drawn = new ByteArrayOutputStream();
        millis.put("report PDF: rendered (every sheet, compliance, ranking)", time(() -> {
            PdfRenderer.render(ReportContent.spec(new ReportContent.Header("E3301000001202612030001",
                    "基准测试项目", "第1标段"), s, PreCheck.run(plan, bids), null), drawn);
            return null;
        }));
        byte[] report = drawn.toByteArray();
        Path plain = Files.write(dir.resolve("plain.pdf"), report);
        long fastest = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) { // the fastest of three, so the baseline carries no warm-up
            fastest = Math.min(fastest, time(() -> {
                PadesSigner.sign(plain, new ByteArrayOutputStream(), keys.get(0), null,
                        PadesSigner.Appearance.lastPage("评标委员会", "评标专家1", "基线"), Instant.now());
                return null;
            }));
        }
        long baseline = fastest;
        byte[][] current = { report };
        millis.put("report signatures: %d members in turn, each upload checked incremental + valid".formatted(
                memberCount), time(() -> {
                    for (int i = 0; i < memberCount; i++) {
                        Path in = Files.write(dir.resolve("r" + i + ".pdf"), current[0]);
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        PadesSigner.sign(in, out, keys.get(i), null, new PadesSigner.Appearance("评标委员会",
                                "评标专家" + (i + 1), "评标报告签名", "", -1, 40 + 110 * (i % 5), 150 + 30 * (i / 5)),
                                Instant.now());
                        IncrementalSignatures.check(current[0], out.toByteArray(), i,
                                List.of(keys.get(i).certificate()));
                        current[0] = out.toByteArray();
                    }
                    return null;
                }));
        millis.put("platform seal: the 10th signature with an RFC 3161 timestamp", time(() -> {
            Path in = Files.write(dir.resolve("members.pdf"), current[0]);
            PadesSigner.sign(in, new ByteArrayOutputStream(), platform, tsa, new PadesSigner.Appearance("交易中心",
                    "交易中心", "评标报告签章", "", -1, 380, 40), Instant.now());
            return null;
        }));

        System.out.printf("lot: %d bids (%d compliant), %d members; report %,d bytes unsigned, %,d bytes with %d member"
                + " signatures%n", bidCount, compliant.size(), memberCount, report.length, current[0].length,
                memberCount);
        System.out.printf("load average at the end: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.printf("| step | ms | ratio to baseline |%n|---|---|---|%n");
        System.out.printf("| **baseline**: one plain PAdES signature of the unsigned report (PDFBox), best of 3 | %d | 1.0× |%n",
                baseline);
        millis.forEach((step, ms) -> System.out.printf("| %s | %d | %.1f× |%n", step, ms,
                (double) ms / Math.max(1, baseline)));
    }

    private interface Step {
        Object run() throws Exception;
    }

    private static long time(Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
