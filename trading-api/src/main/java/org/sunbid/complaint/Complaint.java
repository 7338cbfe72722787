package org.sunbid.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.sunbid.document.DocumentId;
import org.sunbid.platform.RuleViolation;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;

/**
 * A complaint to the regulator (投诉): filed after an objection was answered or not answered in time, accepted or
 * refused, possibly suspending the procedure, paused for expert opinions, decided. Deadlines come from
 * {@link ComplaintDeadlines}; the aggregate refuses what the law does not allow.
 */
public final class Complaint {

    /** Where the complaint stands. */
    public enum State {
        FILED, ACCEPTED, REFUSED, DECIDED;

        public boolean closed() {
            return this == REFUSED || this == DECIDED;
        }
    }

    /** The regulator's written decision: the complaint is well founded (投诉成立) or dismissed (驳回投诉). */
    public enum Verdict {
        UPHELD, DISMISSED
    }

    /** What the complainant filed: the objection it follows, the text it signed and the signature's digest. */
    public record Filing(ProjectId project, UUID objection, MemberId complainant, String text, String signatureSha256,
            LocalDate knownOn, Instant filedAt, LocalDate filedOn) {
        public Filing {
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(objection, "objection");
            Objects.requireNonNull(complainant, "complainant");
            Objects.requireNonNull(knownOn, "knownOn");
            Objects.requireNonNull(filedOn, "filedOn");
            if (text == null || text.isBlank() || text.length() > 4000) {
                throw new IllegalArgumentException("a complaint needs a text of at most 4000 characters");
            }
        }
    }

    /** The persisted state, for the repository only. */
    public record Snapshot(UUID id, Filing filing, State state, LocalDate acceptedOn, boolean suspended,
            List<ComplaintDeadlines.Pause> pauses, Verdict verdict, String outcome, LocalDate closedOn,
            UUID decisionDocument, LocalDate remindedFor, LocalDate overdueSince) {
    }

    private final UUID id;
    private final Filing filing;
    private State state;
    private LocalDate acceptedOn;
    private boolean suspended;
    private final List<ComplaintDeadlines.Pause> pauses;
    private Verdict verdict;
    private String outcome;
    private LocalDate closedOn;
    private UUID decisionDocument;
    private LocalDate remindedFor;
    private LocalDate overdueSince;

    private Complaint(Snapshot s) {
        this.id = s.id();
        this.filing = s.filing();
        this.state = s.state();
        this.acceptedOn = s.acceptedOn();
        this.suspended = s.suspended();
        this.pauses = new ArrayList<>(s.pauses());
        this.verdict = s.verdict();
        this.outcome = s.outcome();
        this.closedOn = s.closedOn();
        this.decisionDocument = s.decisionDocument();
        this.remindedFor = s.remindedFor();
        this.overdueSince = s.overdueSince();
    }

    public static Complaint restore(Snapshot snapshot) {
        return new Complaint(snapshot);
    }

    public Snapshot snapshot() {
        return new Snapshot(id, filing, state, acceptedOn, suspended, List.copyOf(pauses), verdict, outcome, closedOn,
                decisionDocument, remindedFor, overdueSince);
    }

    /**
     * Files a complaint; {@code objectionAnswered} tells that the prior objection (异议) was answered or its answer
     * period ran out, as 实施条例 art. 60 requires for complaints about documents, opening and evaluation results.
     */
    public static Complaint file(Filing filing, boolean objectionAnswered, ComplaintDeadlines deadlines) {
        if (!objectionAnswered) {
            throw new RuleViolation("objection-not-answered", "objectionId",
                    "an objection must be answered (or left unanswered past its answer period) first");
        }
        if (!deadlines.inTime(filing.knownOn(), filing.filedOn())) {
            throw new RuleViolation("complaint-late", "objectionId", "filed on %s, after the last day %s"
                    .formatted(filing.filedOn(), deadlines.filingDeadline(filing.knownOn())));
        }
        return new Complaint(new Snapshot(UUID.randomUUID(), filing, State.FILED, null, false, List.of(), null, null,
                null, null, null, null));
    }

    public void accept(LocalDate on, boolean suspendProcedure) {
        require(State.FILED);
        state = State.ACCEPTED;
        acceptedOn = on;
        suspended = suspendProcedure;
        overdueSince = null;
    }

    public void refuse(LocalDate on, String reason) {
        require(State.FILED);
        state = State.REFUSED;
        outcome = reason(reason);
        closedOn = on;
        overdueSince = null;
    }

    /** Suspends the procedure later in the handling (实施条例 art. 62: the regulator may order it when necessary). */
    public void suspend() {
        require(State.ACCEPTED);
        if (suspended) {
            throw new RuleViolation("already-suspended", null, "the procedure is already suspended");
        }
        suspended = true;
    }

    public void pause(ComplaintDeadlines.Pause pause) {
        require(State.ACCEPTED);
        if (paused()) {
            throw new RuleViolation("already-paused", null, "the complaint already waits for an opinion or test");
        }
        if (pause.from().isBefore(acceptedOn)) {
            throw new RuleViolation("pause-before-acceptance", "from", "a pause starts after the acceptance");
        }
        pauses.add(pause);
    }

    public void resume(LocalDate on) {
        require(State.ACCEPTED);
        ComplaintDeadlines.Pause open = pauses.stream().filter(p -> p.to() == null).findFirst()
                .orElseThrow(() -> new RuleViolation("not-paused", null, "the complaint is not paused"));
        pauses.set(pauses.indexOf(open), new ComplaintDeadlines.Pause(open.from(), on, open.reason()));
    }

    /** The written decision; it lifts a suspension of the procedure. */
    public void decide(LocalDate on, Verdict verdict, String decision, DocumentId document) {
        requireDecidable();
        this.state = State.DECIDED;
        this.verdict = Objects.requireNonNull(verdict, "verdict");
        this.outcome = reason(decision);
        this.closedOn = on;
        this.decisionDocument = document == null ? null : document.value();
        this.suspended = false;
        this.overdueSince = null;
    }

    /** Refuses a decision now: not accepted, or waiting for an expert opinion or test. */
    public void requireDecidable() {
        require(State.ACCEPTED);
        if (paused()) {
            throw new RuleViolation("complaint-paused", null,
                    "the complaint waits for an expert opinion or test: resume it first");
        }
    }

    /** Remembers a reminder for the step due on {@code due}; false if it was already sent. */
    public boolean remind(LocalDate due) {
        if (due.equals(remindedFor)) {
            return false;
        }
        remindedFor = due;
        return true;
    }

    /** Flags the complaint overdue on {@code today}; false if it was already flagged. */
    public boolean flagOverdue(LocalDate today) {
        if (overdueSince != null) {
            return false;
        }
        overdueSince = today;
        return true;
    }

    public boolean paused() {
        return pauses.stream().anyMatch(p -> p.to() == null);
    }

    /** The day the next step is due (acceptance, then decision); null once refused or decided. */
    public LocalDate due(ComplaintDeadlines deadlines, LocalDate today) {
        return switch (state) {
            case FILED -> deadlines.acceptanceDue(filing.filedOn());
            case ACCEPTED -> deadlines.decisionDue(acceptedOn, pauses, today);
            case REFUSED, DECIDED -> null;
        };
    }

    public boolean overdue(ComplaintDeadlines deadlines, LocalDate today) {
        LocalDate due = due(deadlines, today);
        return due != null && ComplaintDeadlines.overdue(due, today);
    }

    private static String reason(String text) {
        if (text == null || text.isBlank() || text.length() > 4000) {
            throw new RuleViolation("reason-required", "reason", "state the reason in at most 4000 characters");
        }
        return text.strip();
    }

    private void require(State expected) {
        if (state != expected) {
            throw new RuleViolation("complaint-" + state.name().toLowerCase(java.util.Locale.ROOT), "state",
                    "the complaint is %s, not %s".formatted(state, expected));
        }
    }

    public ComplaintId id() {
        return ComplaintId.of(id);
    }

    public Filing filing() {
        return filing;
    }

    public State state() {
        return state;
    }

    public boolean procedureSuspended() {
        return suspended;
    }

    public List<ComplaintDeadlines.Pause> pauses() {
        return List.copyOf(pauses);
    }

    public String outcome() {
        return outcome;
    }

    public Verdict verdict() {
        return verdict;
    }

    public LocalDate acceptedOn() {
        return acceptedOn;
    }

    public LocalDate closedOn() {
        return closedOn;
    }

    /** The signed decision letter, once decided. */
    public Optional<DocumentId> decisionDocument() {
        return Optional.ofNullable(decisionDocument).map(DocumentId::of);
    }

    public LocalDate overdueSince() {
        return overdueSince;
    }
}
