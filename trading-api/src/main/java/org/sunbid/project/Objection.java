package org.sunbid.project;

import java.time.Instant;
import java.util.UUID;

/**
 * A bidder's objection to the tender documents (异议), with the owner's answer. {@code overdue}: unanswered past its
 * due time, or answered late.
 */
public record Objection(UUID id, UUID projectId, UUID filedBy, String text, Instant filedAt, Instant answerDue,
        String answer, Instant answeredAt, boolean overdue) {

    /** The objection as seen at {@code now}: overdue when its answer is missing or came after the due time. */
    public Objection asOf(Instant now) {
        boolean late = answeredAt == null ? now.isAfter(answerDue) : answeredAt.isAfter(answerDue);
        return new Objection(id, projectId, filedBy, text, filedAt, answerDue, answer, answeredAt, late);
    }
}
