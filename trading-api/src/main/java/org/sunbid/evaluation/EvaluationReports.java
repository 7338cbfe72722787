package org.sunbid.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.evaluation.internal.EvaluationStore;
import org.sunbid.evaluation.internal.IncrementalSignatures;
import org.sunbid.evaluation.internal.ReportContent;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.BlobStore;
import org.sunbid.platform.PlatformTrust;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.project.ProjectView;
import org.sunbid.signing.pdf.PadesSigner;
import org.sunbid.signing.pdf.PdfRenderer;
import org.sunbid.signing.pdf.TimestampSource;

/**
 * The evaluation report: drawn by the chair once every sheet is in, then signed in turn by every active member — each
 * uploads the current version with one more incremental PAdES signature made with a certificate bound to them — and
 * finally signed by the platform (PAdES B-T), which concludes the session. Each version is kept in the blob store.
 */
@Service
@Transactional
public class EvaluationReports {

    static final long MAX_PDF = 64L * 1024 * 1024;

    private final EvaluationManagement management;
    private final EvaluationStore store;
    private final BlobStore blobs;
    private final MemberSignatures signatures;
    private final PlatformTrust trust;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EvaluationReports(EvaluationManagement management, EvaluationStore store, BlobStore blobs,
            MemberSignatures signatures, PlatformTrust trust, ApplicationEventPublisher events, Clock clock) {
        this.management = management;
        this.store = store;
        this.blobs = blobs;
        this.signatures = signatures;
        this.trust = trust;
        this.events = events;
        this.clock = clock;
    }

    /** The chair freezes the conclusions and the platform renders the report (version 0, unsigned). */
    public EvaluationView draw(CurrentUser chair, LotId drawn) {
        UUID lotId = drawn.value();
        return management.change(chair, lotId, (s, me, now) -> {
            if (!s.chair().map(me::equals).orElse(false)) {
                throw ProblemException.rule("chair-only", null, "evaluation.refused",
                        "only the chair draws the report");
            }
            s.drawReport(now);
            UUID project = store.projectOf(s.lot()).orElseThrow();
            ProjectView p = management.project(project);
            ProjectView.LotView lot = p.lots().stream().filter(l -> l.id().equals(lotId)).findFirst().orElseThrow();
            var spec = ReportContent.spec(new ReportContent.Header(p.transactionCode(), p.name(),
                    "第" + lot.number() + "标段 " + lot.name()), s, management.preCheck(s).findings(), null);
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            PdfRenderer.render(spec, pdf);
            BlobStore.Blob blob = blobs.put(new java.io.ByteArrayInputStream(pdf.toByteArray()), MAX_PDF);
            store.insertReportVersion(s.lot(), new EvaluationStore.ReportVersion(0, null, blob.sha256(), blob.size(),
                    now));
            events.publishEvent(new EvaluationEvents.EvaluationReportDrawn(lotId, project, blob.sha256(), now));
        });
    }

    /** The latest version of the report for a participant (members, staff, regulators). */
    @Transactional(readOnly = true)
    public byte[] currentPdf(CurrentUser user, LotId lot) {
        UUID lotId = lot.value();
        EvaluationSession s = store.find(lot).orElseThrow(() -> ProblemException.notFound("evaluation", lotId));
        management.requireParticipant(user, s);
        return latest(lot).orElseThrow(() -> ProblemException.notFound("evaluation report", lotId));
    }

    /** The final, platform-signed report, for the award and the archive. */
    @Transactional(readOnly = true)
    public java.util.Optional<byte[]> finalPdf(LotId lot) {
        return store.find(lot).filter(s -> s.concludedAt().isPresent()).flatMap(s -> latest(lot));
    }

    private java.util.Optional<byte[]> latest(LotId lot) {
        List<EvaluationStore.ReportVersion> versions = store.reportVersions(lot);
        if (versions.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(read(versions.get(versions.size() - 1).pdfSha256()));
    }

    /**
     * A member's signed version: it must extend the current version byte for byte (an incremental update), carry
     * exactly one more signature, and that signature must verify and be made with a certificate bound to the member.
     */
    public EvaluationView sign(CurrentUser member, LotId reportOf, InputStream body) {
        return management.change(member, reportOf.value(), (s, me, now) -> {
            List<EvaluationStore.ReportVersion> versions = store.reportVersions(s.lot());
            if (versions.isEmpty()) {
                throw ProblemException.rule("report-not-drawn", null, "evaluation.refused",
                        "the report is not drawn yet");
            }
            EvaluationStore.ReportVersion current = versions.get(versions.size() - 1);
            byte[] previous = read(current.pdfSha256());
            byte[] signed = readAll(body);
            IncrementalSignatures.check(previous, signed, versions.size() - 1, signatures.certificatesOf(me));
            s.reportSignedBy(me);
            BlobStore.Blob blob = blobs.put(new java.io.ByteArrayInputStream(signed), MAX_PDF);
            store.insertReportVersion(s.lot(), new EvaluationStore.ReportVersion(versions.size(), me.value(),
                    blob.sha256(), blob.size(), now));
            events.publishEvent(new EvaluationEvents.EvaluationReportSigned(reportOf.value(), me.value(), versions.size(),
                    blob.sha256(), now));
            if (s.awaitingPlatformSignature()) {
                conclude(s, signed, versions.size() + 1, now);
            }
        });
    }

    private void conclude(EvaluationSession s, byte[] membersSigned, int version, Instant now) {
        byte[] sealed = platformSign(membersSigned, now);
        BlobStore.Blob blob = blobs.put(new java.io.ByteArrayInputStream(sealed), MAX_PDF);
        store.insertReportVersion(s.lot(), new EvaluationStore.ReportVersion(version, null, blob.sha256(),
                blob.size(), now));
        s.concluded(now);
        List<UUID> candidates = s.outcome().get() instanceof EvaluationOutcome.Candidates c
                ? c.ranked().stream().map(a -> a.bid().value()).toList() : List.of();
        events.publishEvent(new EvaluationEvents.EvaluationConcluded(s.lot().value(),
                store.projectOf(s.lot()).orElseThrow(), candidates, blob.sha256(), now));
    }

    private byte[] platformSign(byte[] pdf, Instant now) {
        Path temp = null;
        try {
            temp = Files.createTempFile("sunbid-report-", ".pdf");
            Files.write(temp, pdf);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String centre = trust.documentSigner().certificate().getSubjectX500Principal().getName();
            PadesSigner.sign(temp, out, trust.documentSigner(), TimestampSource.of(trust.timestamps()),
                    new PadesSigner.Appearance("公共资源交易中心", centre, "评标报告签章", "", -1, 380, 40), now);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(temp);
        }
    }

    private byte[] read(String sha256) {
        try (InputStream in = blobs.open(sha256).orElseThrow(() -> new IllegalStateException("report blob missing"))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream body) {
        try (InputStream in = body; OutputStream out = new ByteArrayOutputStream()) {
            byte[] bytes = in.readNBytes((int) MAX_PDF + 1);
            if (bytes.length > MAX_PDF) {
                throw ProblemException.rule("report-too-large", "file", "evaluation.refused",
                        "the report is larger than 64 MiB");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a temporary copy of a report the blob store already holds
            }
        }
    }

    /** Used by the award to name the committee in the publicity. */
    @Transactional(readOnly = true)
    public java.util.Optional<EvaluationSession> session(LotId lot) {
        return store.find(lot);
    }

    static MemberId memberOf(CurrentUser user) {
        return user.memberId().map(MemberId::of).orElseThrow();
    }
}
