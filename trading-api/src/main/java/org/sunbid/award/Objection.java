package org.sunbid.award;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.MemberId;

/** An objection (异议) to the evaluation result, signed by a bidder during publicity, and its answer. */
public record Objection(UUID id, MemberId by, String text, String signatureSha256, Instant raisedAt, String answer,
        Instant answeredAt) {

    public Objection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(by, "by");
        if (text == null || text.isBlank() || text.length() > 4000) {
            throw ProblemException.rule("objection-text", "text", "award.refused",
                    "an objection needs a text of at most 4000 characters");
        }
    }

    public boolean open() {
        return answeredAt == null;
    }

    public Instant answerDue() {
        return raisedAt.plus(PublicityRules.ANSWER_WITHIN);
    }
}
