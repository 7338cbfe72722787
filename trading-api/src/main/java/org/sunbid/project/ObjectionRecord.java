package org.sunbid.project;

import java.time.Instant;
import java.util.UUID;

import org.sunbid.member.MemberId;

/** An objection (异议) to a project's documents as other features may read it: who filed it, when, and its answer. */
public record ObjectionRecord(UUID id, ProjectId project, MemberId filedBy, Instant filedAt, Instant answerDue,
        Instant answeredAt) {

    /** Answered, or its answer period ran out by {@code now}: a complaint may follow (实施条例 art. 60). */
    public boolean settledBy(Instant now) {
        return answeredAt != null || !now.isBefore(answerDue);
    }

    /** When the objector knew the outcome: the answer, or the end of the answer period if that came first. */
    public Instant outcomeKnownAt() {
        return answeredAt != null && answeredAt.isBefore(answerDue) ? answeredAt : answerDue;
    }
}
