package org.sunbid.project;

import java.time.Instant;
import java.util.UUID;

import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;

/**
 * An objection (异议) as other features may read it: what it was about, who filed it, when, and its answer. Objections
 * to the documents live in this feature; those to the opening and to the candidates' publicity in their own features.
 */
public record ObjectionRecord(UUID id, ProjectId project, MemberId filedBy, Instant filedAt, Instant answerDue,
        Instant answeredAt, Subject subject) {

    /** What the objection was about (实施条例 arts. 22, 44, 54): each may be followed by a complaint (art. 60). */
    public enum Subject {
        /** The prequalification or tender documents. */
        DOCUMENTS,
        /** The opening and its record. */
        OPENING,
        /** The evaluation result shown in the candidates' publicity. */
        CANDIDATES
    }

    /** Answered, or its answer period ran out by {@code now}: a complaint may follow (实施条例 art. 60). */
    public boolean settledBy(Instant now) {
        return answeredAt != null || !now.isBefore(answerDue);
    }

    /** When the objector knew the outcome: the answer, or the end of the answer period if that came first. */
    public Instant outcomeKnownAt() {
        return answeredAt != null && answeredAt.isBefore(answerDue) ? answeredAt : answerDue;
    }
}
