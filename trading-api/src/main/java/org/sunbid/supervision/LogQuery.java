package org.sunbid.supervision;

import java.time.Instant;

/**
 * A filter over the supervision log; null fields do not filter. {@code mentions} is an id (UUID) that must appear
 * anywhere in the entry's subject or details — e.g. a project id, to find its lots', bids' and notices' entries too.
 * Page from 0, size 1–500.
 */
public record LogQuery(String subject, String mentions, String actor, String action, Instant from, Instant to,
        int page, int size) {

    public LogQuery {
        if (mentions != null) {
            try {
                mentions = java.util.UUID.fromString(mentions).toString();
            } catch (IllegalArgumentException e) {
                throw org.sunbid.platform.ProblemException.invalid("mentions", "supervision.query.mentions");
            }
        }
        if (page < 0) {
            throw org.sunbid.platform.ProblemException.invalid("page", "supervision.query.page");
        }
        if (size < 1 || size > 500) {
            throw org.sunbid.platform.ProblemException.invalid("size", "supervision.query.size");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw org.sunbid.platform.ProblemException.invalid("to", "supervision.query.range");
        }
    }
}
