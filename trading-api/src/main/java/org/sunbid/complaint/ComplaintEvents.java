package org.sunbid.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Past-tense events of a complaint's handling; the supervision log records each. */
public final class ComplaintEvents {

    private ComplaintEvents() {
    }

    public record ComplaintFiled(UUID complaint, UUID project, UUID objection, UUID complainant, String signatureSha256,
            LocalDate knownOn, LocalDate acceptanceDue, Instant at) {
    }

    public record ComplaintAccepted(UUID complaint, UUID project, boolean procedureSuspended, LocalDate decisionDue,
            Instant at) {
    }

    public record ComplaintRefusedByRegulator(UUID complaint, UUID project, String reason, Instant at) {
    }

    /** The procedure was suspended (实施条例 art. 62); {@code heldJobs} scheduled jobs of the project are held. */
    public record ProcedureSuspended(UUID complaint, UUID project, int heldJobs, Instant at) {
    }

    /** The suspension ended with the decision; the held jobs are scheduled again. */
    public record ProcedureResumed(UUID complaint, UUID project, int releasedJobs, Instant at) {
    }

    public record ComplaintPaused(UUID complaint, LocalDate from, String reason, Instant at) {
    }

    public record ComplaintResumed(UUID complaint, LocalDate on, LocalDate decisionDue, Instant at) {
    }

    public record ComplaintDecided(UUID complaint, UUID project, Complaint.Verdict verdict, UUID decisionDocument,
            Instant at) {
    }

    public record ComplaintReminderDue(UUID complaint, Complaint.State state, LocalDate due, Instant at) {
    }

    public record ComplaintOverdue(UUID complaint, Complaint.State state, LocalDate due, Instant at) {
    }
}
