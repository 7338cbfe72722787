package org.sunbid.complaint;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A complaint to the regulator (投诉): filed after an objection was answered or not answered in time, accepted or
 * refused, possibly suspending the procedure, paused for expert opinions, decided. Deadlines come from
 * {@link ComplaintDeadlines}; the aggregate refuses what the law does not allow.
 */
public final class Complaint {

    /** Where the complaint stands. */
    public enum State {
        FILED, ACCEPTED, REFUSED, DECIDED
    }

    private final UUID id;
    private final UUID projectId;
    private final UUID complainant;
    private final LocalDate knownOn;
    private final LocalDate filedOn;
    private State state = State.FILED;
    private LocalDate acceptedOn;
    private boolean procedureSuspended;
    private final List<ComplaintDeadlines.Pause> pauses = new ArrayList<>();
    private String outcome;

    private Complaint(UUID id, UUID projectId, UUID complainant, LocalDate knownOn, LocalDate filedOn) {
        this.id = id;
        this.projectId = projectId;
        this.complainant = complainant;
        this.knownOn = knownOn;
        this.filedOn = filedOn;
    }

    /**
     * Files a complaint; {@code objectionAnswered} tells that the prior objection (异议) was answered or its answer
     * period ran out, as 实施条例 art. 60 requires for complaints about documents, opening and evaluation results.
     */
    public static Complaint file(UUID projectId, UUID complainant, LocalDate knownOn, LocalDate filedOn,
            boolean objectionAnswered, ComplaintDeadlines deadlines) {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(complainant, "complainant");
        if (!objectionAnswered) {
            throw new IllegalStateException("An objection must be raised and answered (or left unanswered in time) first");
        }
        if (!deadlines.inTime(knownOn, filedOn)) {
            throw new IllegalStateException("Filed on %s, after the last day %s".formatted(filedOn,
                    deadlines.filingDeadline(knownOn)));
        }
        return new Complaint(UUID.randomUUID(), projectId, complainant, knownOn, filedOn);
    }

    public void accept(LocalDate on, boolean suspendProcedure) {
        require(State.FILED);
        state = State.ACCEPTED;
        acceptedOn = on;
        procedureSuspended = suspendProcedure;
    }

    public void refuse(LocalDate on, String reason) {
        require(State.FILED);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a refusal states its reason");
        }
        state = State.REFUSED;
        outcome = reason.strip();
    }

    public void pause(ComplaintDeadlines.Pause pause) {
        require(State.ACCEPTED);
        if (pauses.stream().anyMatch(p -> p.to() == null)) {
            throw new IllegalStateException("Complaint %s is already paused".formatted(id));
        }
        pauses.add(pause);
    }

    public void resume(LocalDate on) {
        require(State.ACCEPTED);
        ComplaintDeadlines.Pause open = pauses.stream().filter(p -> p.to() == null).findFirst()
                .orElseThrow(() -> new IllegalStateException("Complaint %s is not paused".formatted(id)));
        pauses.set(pauses.indexOf(open), new ComplaintDeadlines.Pause(open.from(), on, open.reason()));
    }

    public void decide(String decision) {
        require(State.ACCEPTED);
        if (pauses.stream().anyMatch(p -> p.to() == null)) {
            throw new IllegalStateException("Complaint %s waits for an expert opinion".formatted(id));
        }
        state = State.DECIDED;
        outcome = decision;
        procedureSuspended = false;
    }

    /** The day the next step is due (acceptance, then decision); null once refused or decided. */
    public LocalDate due(ComplaintDeadlines deadlines, LocalDate today) {
        return switch (state) {
            case FILED -> deadlines.acceptanceDue(filedOn);
            case ACCEPTED -> deadlines.decisionDue(acceptedOn, pauses, today);
            case REFUSED, DECIDED -> null;
        };
    }

    public boolean overdue(ComplaintDeadlines deadlines, LocalDate today) {
        LocalDate due = due(deadlines, today);
        return due != null && ComplaintDeadlines.overdue(due, today);
    }

    private void require(State expected) {
        if (state != expected) {
            throw new IllegalStateException("Complaint %s is %s, not %s".formatted(id, state, expected));
        }
    }

    public UUID id() {
        return id;
    }

    public UUID projectId() {
        return projectId;
    }

    public UUID complainant() {
        return complainant;
    }

    public LocalDate knownOn() {
        return knownOn;
    }

    public State state() {
        return state;
    }

    public boolean procedureSuspended() {
        return procedureSuspended;
    }

    public List<ComplaintDeadlines.Pause> pauses() {
        return List.copyOf(pauses);
    }

    public String outcome() {
        return outcome;
    }
}
