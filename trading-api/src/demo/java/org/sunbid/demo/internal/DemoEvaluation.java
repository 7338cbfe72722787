package org.sunbid.demo.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunbid.evaluation.EvaluationManagement;
import org.sunbid.evaluation.EvaluationReports;
import org.sunbid.evaluation.EvaluationSession;
import org.sunbid.evaluation.EvaluationView;
import org.sunbid.opening.OpenedBids;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.pdf.PadesSigner;

/**
 * The demo tender's evaluation (评标) by its drawn demo experts, through the same use cases the evaluation room calls:
 * the tenderee's plan (lowest evaluated price, two compliance criteria), the session opened by the centre once the
 * opening record is final, check-in, declarations, the chair, compliance votes, a score sheet per bid signed (CMS) with
 * each expert's demo key, and the report signed in turn by every member (incremental PAdES) before the platform seals
 * it. Each step looks at the session first and does only what is missing, so a restart carries on.
 */
@Component
public class DemoEvaluation {

    private static final Logger log = LoggerFactory.getLogger(DemoEvaluation.class);
    static final List<String> COMPLIANCE = List.of("资格审查 qualification", "响应性 responsiveness");
    private static final Duration PATIENCE = Duration.ofHours(2);

    private final EvaluationManagement evaluations;
    private final EvaluationReports reports;
    private final OpenedBids openedBids;
    private final PlatformProperties platform;

    DemoEvaluation(EvaluationManagement evaluations, EvaluationReports reports, OpenedBids openedBids,
            PlatformProperties platform) {
        this.evaluations = evaluations;
        this.reports = reports;
        this.openedBids = openedBids;
        this.platform = platform;
    }

    /** Runs the lot's evaluation to its signed report; false if it could not (the reason is logged). */
    public boolean evaluate(String code, DemoPeople people, UUID project, UUID lot, List<DemoCommittee.Member> members,
            DemoPace pace) {
        LotId lotId = LotId.of(lot);
        if (reports.session(lotId).isEmpty()) {
            try {
                evaluations.setPlan(people.tenderee(), ProjectId.of(project), lotId, new EvaluationManagement.PlanInput(COMPLIANCE,
                        List.of(), null, List.of(), null, null, null));
            } catch (ProblemException alreadyOpen) {
                log.debug("Demo tender {}: plan not set: {}", code, alreadyOpen.type());
            }
            // the opening record becomes final once its objection period is over (sunbid.opening.objection-window)
            if (pace.await(PATIENCE, Duration.ofSeconds(1), () -> openedBids.finalOpening(lotId).orElse(null)) == null) {
                log.warn("Demo tender {}: the opening record did not become final", code);
                return false;
            }
            evaluations.open(people.staff(), ProjectId.of(project), lotId);
            log.info("Demo tender {}: evaluation session opened with {} members", code, members.size());
        }
        EvaluationSession session = reports.session(lotId).orElseThrow();
        if (session.reportDrawnAt().isEmpty()) {
            seatTheCommittee(session, members, lot);
            review(reports.session(lotId).orElseThrow(), members, lot);
            score(code, reports.session(lotId).orElseThrow(), members, lot);
            DemoCommittee.Member chair = members.stream()
                    .filter(m -> m.id().equals(reports.session(lotId).orElseThrow().chair().orElseThrow()))
                    .findFirst().orElseThrow();
            reports.draw(chair.user(), LotId.of(lot));
            log.info("Demo tender {}: the chair {} drew the evaluation report", code, chair.name());
        }
        signReport(code, lot, members, pace);
        return reports.session(lotId).orElseThrow().concludedAt().isPresent();
    }

    private void seatTheCommittee(EvaluationSession session, List<DemoCommittee.Member> members, UUID lot) {
        for (DemoCommittee.Member m : members) {
            Optional<EvaluationSession.Seat> seat = session.active().stream().filter(s -> s.member().equals(m.id()))
                    .findFirst();
            if (seat.isEmpty()) {
                continue;
            }
            if (seat.get().checkedInAt() == null) {
                evaluations.checkIn(m.user(), LotId.of(lot));
            }
            if (seat.get().conflict() == null) {
                evaluations.declare(m.user(), LotId.of(lot), false, null);
            }
        }
        if (session.chair().isEmpty()) {
            UUID chair = members.get(0).id().value();
            for (DemoCommittee.Member m : members) {
                evaluations.voteChair(m.user(), LotId.of(lot), MemberId.of(chair));
            }
        }
    }

    private void review(EvaluationSession session, List<DemoCommittee.Member> members, UUID lot) {
        if (session.phase() != EvaluationSession.Phase.COMPLIANCE) {
            return;
        }
        for (DemoCommittee.Member m : members) {
            boolean voted = session.votes().stream().anyMatch(v -> v.member().equals(m.id()));
            if (voted) {
                continue;
            }
            List<EvaluationManagement.VoteInput> votes = new ArrayList<>();
            session.bids().forEach(b -> COMPLIANCE.forEach(c -> votes.add(
                    new EvaluationManagement.VoteInput(b.bid().value(), c, true, null))));
            evaluations.review(m.user(), LotId.of(lot), votes);
        }
    }

    /** Each member signs one sheet per compliant bid; the adjustment reflects the member's reading of the offer. */
    private void score(String code, EvaluationSession session, List<DemoCommittee.Member> members, UUID lot) {
        int sheets = 0;
        for (DemoCommittee.Member m : members) {
            for (var bid : session.compliantBids()) {
                boolean done = session.sheets().stream()
                        .anyMatch(s -> s.member().equals(m.id()) && s.bid().equals(bid.bid()));
                if (done) {
                    continue;
                }
                String content = sheet(lot, bid.bid().value(), m.id().value(), "0");
                byte[] signature = new CmsSigner(m.key()).sign(content.getBytes(StandardCharsets.UTF_8), true);
                evaluations.submitSheet(m.user(), LotId.of(lot), bid.bid(), content, signature);
                sheets++;
            }
        }
        log.info("Demo tender {}: {} score sheets signed with the demo experts' keys", code, sheets);
    }

    /** A {@code sunbid-score-sheet/1} for the lowest evaluated price: the members' price adjustment in yuan. */
    static String sheet(UUID lot, UUID bid, UUID member, String adjustment) {
        return "{\"format\":\"sunbid-score-sheet/1\",\"lot\":\"%s\",\"bid\":\"%s\",\"member\":\"%s\",\"values\":{\"adjustment\":\"%s\"}}"
                .formatted(lot, bid, member, adjustment);
    }

    private void signReport(String code, UUID lot, List<DemoCommittee.Member> members, DemoPace pace) {
        Path folder = platform.dataDir().resolve("demo-tender").resolve("report");
        for (int i = 0; i < members.size(); i++) {
            DemoCommittee.Member m = members.get(i);
            EvaluationSession s = reports.session(LotId.of(lot)).orElseThrow();
            if (s.concludedAt().isPresent()) {
                return;
            }
            if (s.reportSigners().contains(m.id())) {
                continue;
            }
            try {
                Files.createDirectories(folder);
                Path current = Files.write(folder.resolve("report-" + i + ".pdf"), reports.currentPdf(m.user(), LotId.of(lot)));
                ByteArrayOutputStream signed = new ByteArrayOutputStream();
                PadesSigner.sign(current, signed, m.key(), null, new PadesSigner.Appearance("评标委员会", m.name(),
                        "评标报告签名 evaluation report", "", -1, 40 + 110 * (i % 5), 150 + 30 * (i / 5)),
                        pace.now());
                EvaluationView view = reports.sign(m.user(), LotId.of(lot), new ByteArrayInputStream(signed.toByteArray()));
                log.info("Demo tender {}: {} signed the evaluation report ({} of {})", code, m.name(),
                        view.reportSignatures(), members.size());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
