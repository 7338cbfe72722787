package org.sunbid.complaint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.complaint.internal.ComplaintDecisions;
import org.sunbid.complaint.internal.Complaints;
import org.sunbid.complaint.internal.DeadlineJobs;
import org.sunbid.complaint.internal.ObjectionSources;
import org.sunbid.complaint.internal.ProcedureHolds;
import org.sunbid.document.DocumentId;
import org.sunbid.document.SignedDocument;
import org.sunbid.evaluation.MemberSignatures;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberManagement;
import org.sunbid.member.MemberViews;
import org.sunbid.platform.PlatformZone;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ObjectionId;
import org.sunbid.project.ObjectionRecord;
import org.sunbid.project.ProjectManagement;
import org.sunbid.project.ProjectView;
import org.sunbid.schedule.WorkingCalendar;

/**
 * Complaints (实施条例 arts. 60–62): a bidder that objected files a signed complaint within 10 days of the objection's
 * outcome; the regulator accepts or refuses it within 3 working days, may suspend the procedure, pauses the 30 working
 * days for expert opinions or tests, and decides; the decision is signed by the platform, published and sent to the
 * parties. Only the regulator, the complainant and the project's tenderee (or agency) see a complaint.
 */
@Service
@Transactional
public class ComplaintManagement {

    static final CurrentUser PLATFORM = new CurrentUser(new UUID(0, 0), "platform", Role.STAFF, Optional.empty());

    private final Complaints complaints;
    private final ProjectManagement projects;
    private final ObjectionSources objections;
    private final MemberManagement members;
    private final MemberSignatures signatures;
    private final ProcedureHolds holds;
    private final ComplaintDecisions decisions;
    private final DeadlineJobs deadlineJobs;
    private final ComplaintDeadlines deadlines;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ComplaintManagement(Complaints complaints, ProjectManagement projects,
            ObjectionSources objections, MemberManagement members,
            MemberSignatures signatures, ProcedureHolds holds, ComplaintDecisions decisions, DeadlineJobs deadlineJobs,
            WorkingCalendar calendar, ApplicationEventPublisher events, Clock clock) {
        this.complaints = complaints;
        this.projects = projects;
        this.objections = objections;
        this.members = members;
        this.signatures = signatures;
        this.holds = holds;
        this.decisions = decisions;
        this.deadlineJobs = deadlineJobs;
        this.deadlines = new ComplaintDeadlines(calendar::isWorkingDay);
        this.events = events;
        this.clock = clock;
    }

    /**
     * The objector files its complaint: the text is signed (detached CMS, base64-decoded by the caller) by a
     * certificate bound to its member. The platform, not the complainant, dates the knowledge: the objection's answer
     * or the end of its answer period.
     */
    public ComplaintView file(CurrentUser user, ObjectionId about, String text, byte[] signature) {
        UUID objectionId = about.value();
        MemberId me = MemberId.of(user.requireMember());
        if (text == null || text.isBlank() || text.length() > 4000) {
            throw ProblemException.invalid("text", "complaint.text");
        }
        // someone else's objection, or none: the same answer, so nobody learns of another's objection
        ObjectionRecord objection = objections.find(objectionId).filter(o -> o.filedBy().equals(me))
                .orElseThrow(() -> ProblemException.notFound("objection", objectionId));
        if (signatures.signer(me, text.getBytes(StandardCharsets.UTF_8), signature).isEmpty()) {
            throw ProblemException.rule("signature-not-by-member", "signature", "complaint.signature.invalid");
        }
        if (complaints.exists(objectionId, me)) {
            throw ProblemException.conflict("complaint-exists", "objectionId", "complaint.exists");
        }
        Instant now = clock.instant();
        LocalDate today = today(now);
        LocalDate knownOn = objection.outcomeKnownAt().atZone(PlatformZone.ZONE).toLocalDate();
        Complaint c = Complaint.file(new Complaint.Filing(objection.project(), objectionId, me, text,
                sha256(signature), knownOn, now, today), objection.settledBy(now), deadlines);
        complaints.insert(c, signature);
        deadlineJobs.plan(c, deadlines, today);
        events.publishEvent(new ComplaintEvents.ComplaintFiled(c.id().value(), objection.project().value(), objectionId,
                me.value(), c.filing().signatureSha256(), knownOn, deadlines.acceptanceDue(today), now));
        return view(c, today);
    }

    /** The regulator accepts the complaint, suspending the procedure if it orders so. */
    public ComplaintView accept(CurrentUser regulator, ComplaintId complaint, boolean suspend) {
        UUID id = complaint.value();
        Complaint c = lockForRegulator(regulator, id);
        Instant now = clock.instant();
        LocalDate today = today(now);
        c.accept(today, suspend);
        complaints.save(c);
        events.publishEvent(new ComplaintEvents.ComplaintAccepted(c.id().value(), c.filing().project().value(), suspend,
                c.due(deadlines, today), now));
        if (suspend) {
            suspendProcedure(c, now);
        }
        deadlineJobs.plan(c, deadlines, today);
        return view(c, today);
    }

    /** The regulator orders the suspension later in the handling. */
    public ComplaintView suspend(CurrentUser regulator, ComplaintId complaint) {
        UUID id = complaint.value();
        Complaint c = lockForRegulator(regulator, id);
        c.suspend();
        complaints.save(c);
        Instant now = clock.instant();
        suspendProcedure(c, now);
        return view(c, today(now));
    }

    public ComplaintView refuse(CurrentUser regulator, ComplaintId complaint, String reason) {
        UUID id = complaint.value();
        Complaint c = lockForRegulator(regulator, id);
        Instant now = clock.instant();
        LocalDate today = today(now);
        c.refuse(today, reason);
        complaints.save(c);
        deadlineJobs.plan(c, deadlines, today);
        events.publishEvent(new ComplaintEvents.ComplaintRefusedByRegulator(c.id().value(), c.filing().project().value(),
                c.outcome(), now));
        return view(c, today);
    }

    /** Time for an expert opinion, a test or an appraisal starts today and does not count (实施条例 art. 61). */
    public ComplaintView pause(CurrentUser regulator, ComplaintId complaint, String reason) {
        UUID id = complaint.value();
        Complaint c = lockForRegulator(regulator, id);
        Instant now = clock.instant();
        LocalDate today = today(now);
        c.pause(new ComplaintDeadlines.Pause(today, null, requireReason(reason)));
        complaints.save(c);
        events.publishEvent(new ComplaintEvents.ComplaintPaused(c.id().value(), today, reason.strip(), now));
        return view(c, today);
    }

    public ComplaintView resume(CurrentUser regulator, ComplaintId complaint) {
        UUID id = complaint.value();
        Complaint c = lockForRegulator(regulator, id);
        Instant now = clock.instant();
        LocalDate today = today(now);
        c.resume(today);
        complaints.save(c);
        deadlineJobs.plan(c, deadlines, today);
        events.publishEvent(new ComplaintEvents.ComplaintResumed(c.id().value(), today, c.due(deadlines, today), now));
        return view(c, today);
    }

    /**
     * The written decision: signed by the platform, published as a notice, sent to the parties; a suspension ends and
     * the project's held jobs run again.
     */
    public ComplaintView decide(CurrentUser regulator, ComplaintId complaint, Complaint.Verdict verdict, String decision) {
        UUID id = complaint.value();
        Complaint c = lockForRegulator(regulator, id);
        if (verdict == null) {
            throw ProblemException.invalid("verdict", "complaint.verdict");
        }
        Instant now = clock.instant();
        LocalDate today = today(now);
        boolean wasSuspended = c.procedureSuspended();
        c.requireDecidable();
        ProjectView project = projects.find(PLATFORM, c.filing().project());
        String complainant = complainantName(c);
        SignedDocument letter = decisions.sign(c, project, complainant, verdict, requireReason(decision), today);
        c.decide(today, verdict, decision, DocumentId.of(letter.id()));
        complaints.save(c);
        deadlineJobs.plan(c, deadlines, today);
        events.publishEvent(new ComplaintEvents.ComplaintDecided(c.id().value(), project.id(), verdict, letter.id(), now));
        if (wasSuspended) {
            int released = holds.release(c.id().value(), project.id());
            events.publishEvent(new ComplaintEvents.ProcedureResumed(c.id().value(), project.id(), released, now));
        }
        decisions.announce(c, project, complainant, letter);
        return view(c, today);
    }

    /** One of the caller's objections: whether and until when a complaint may follow it. */
    public record Eligible(UUID objectionId, ObjectionRecord.Subject subject, String projectName, String transactionCode,
            Instant filedAt, Instant answeredAt, Instant answerDue, boolean settled, LocalDate lastDay,
            boolean complained) {
    }

    /** The caller's objections (documents, opening, publicity), each with its last day to complain (once answered or overdue). */
    @Transactional(readOnly = true)
    public List<Eligible> eligible(CurrentUser user) {
        MemberId me = MemberId.of(user.requireMember());
        Instant now = clock.instant();
        return objections.filedBy(me.value()).stream().map(o -> {
            ProjectView p = projects.find(PLATFORM, o.project());
            boolean settled = o.settledBy(now);
            LocalDate lastDay = settled
                    ? deadlines.filingDeadline(o.outcomeKnownAt().atZone(PlatformZone.ZONE).toLocalDate())
                    : null;
            return new Eligible(o.id(), o.subject(), p.name(), p.transactionCode(), o.filedAt(), o.answeredAt(),
                    o.answerDue(), settled, lastDay, complaints.exists(o.id(), me));
        }).toList();
    }

    /** Regulators see every complaint; a member sees its own and those about projects it owns. */
    @Transactional(readOnly = true)
    public List<ComplaintView> list(CurrentUser user) {
        LocalDate today = today(clock.instant());
        if (user.is(Role.REGULATOR)) {
            return complaints.all(500).stream().map(c -> view(c, today)).toList();
        }
        MemberId me = MemberId.of(user.requireMember());
        List<UUID> own = projects.list(user).stream().filter(p -> p.ownedBy(me.value())).map(ProjectView::id).toList();
        return complaints.visibleTo(me, own).stream().map(c -> view(c, today)).toList();
    }

    @Transactional(readOnly = true)
    public ComplaintView view(CurrentUser user, ComplaintId complaint) {
        UUID id = complaint.value();
        Complaint c = complaints.find(id).filter(x -> visible(user, x))
                .orElseThrow(() -> ProblemException.notFound("complaint", id));
        return view(c, today(clock.instant()));
    }

    /** The complainant's detached CMS signature, for anyone who may see the complaint to verify with openssl. */
    @Transactional(readOnly = true)
    public byte[] signature(CurrentUser user, ComplaintId complaint) {
        UUID id = complaint.value();
        view(user, complaint);
        return complaints.signature(id);
    }

    /** Reminds regulators on the due day and flags the complaint overdue the day after (the scheduled job). */
    public void checkDeadline(ComplaintId complaint, boolean overdueCheck) {
        UUID id = complaint.value();
        Optional<Complaint> found = complaints.lock(id);
        if (found.isEmpty() || found.get().state().closed()) {
            return;
        }
        Complaint c = found.get();
        Instant now = clock.instant();
        LocalDate today = today(now);
        LocalDate due = c.due(deadlines, today);
        if (overdueCheck && ComplaintDeadlines.overdue(due, today)) {
            if (c.flagOverdue(today)) {
                complaints.save(c);
                events.publishEvent(new ComplaintEvents.ComplaintOverdue(c.id().value(), c.state(), due, now));
                decisions.remindRegulators(c, "complaint.notice.overdue", due);
            }
        } else if (!overdueCheck && !today.isBefore(due)) {
            if (c.remind(due)) {
                complaints.save(c);
                events.publishEvent(new ComplaintEvents.ComplaintReminderDue(c.id().value(), c.state(), due, now));
                decisions.remindRegulators(c, "complaint.notice.reminder", due);
            }
        }
        deadlineJobs.plan(c, deadlines, today); // the due day may have moved (a pause): check again then
    }

    private void suspendProcedure(Complaint c, Instant now) {
        ProjectView project = projects.find(PLATFORM, c.filing().project());
        int held = holds.hold(c, project);
        events.publishEvent(new ComplaintEvents.ProcedureSuspended(c.id().value(), project.id(), held, now));
    }

    private boolean visible(CurrentUser user, Complaint c) {
        if (user.is(Role.REGULATOR)) {
            return true;
        }
        Optional<UUID> member = user.memberId();
        if (member.isEmpty()) {
            return false;
        }
        if (c.filing().complainant().value().equals(member.get())) {
            return true;
        }
        return projects.findIfVisible(user, c.filing().project()).map(p -> p.ownedBy(member.get()))
                .orElse(false);
    }

    private Complaint lockForRegulator(CurrentUser user, UUID id) {
        if (!user.is(Role.REGULATOR)) {
            throw ProblemException.forbidden("complaint.forbidden");
        }
        return complaints.lock(id).orElseThrow(() -> ProblemException.notFound("complaint", id));
    }

    ComplaintView view(Complaint c, LocalDate today) {
        ProjectView p = projects.find(PLATFORM, c.filing().project());
        return new ComplaintView(c.id().value(), c.filing().project(), p.name(), p.transactionCode(), c.filing().objection(),
                c.filing().complainant(), complainantName(c), c.filing().text(), c.filing().signatureSha256(),
                c.filing().knownOn(), c.filing().filedAt(), deadlines.filingDeadline(c.filing().knownOn()), c.state(),
                c.acceptedOn(), c.procedureSuspended(), c.pauses(), c.paused(), c.due(deadlines, today),
                c.overdue(deadlines, today), c.verdict(), c.outcome(), c.closedOn(),
                c.decisionDocument().map(DocumentId::value).orElse(null));
    }

    private String complainantName(Complaint c) {
        return members.find(c.filing().complainant()).map(MemberViews.MemberDetails::name).orElse(c.filing().complainant().toString());
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 4000) {
            throw ProblemException.invalid("reason", "complaint.reason");
        }
        return reason;
    }

    private static LocalDate today(Instant now) {
        return now.atZone(PlatformZone.ZONE).toLocalDate();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
