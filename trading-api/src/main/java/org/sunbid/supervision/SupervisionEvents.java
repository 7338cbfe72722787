package org.sunbid.supervision;

import java.util.UUID;

/** Past-tense events of the supervision feature (they land in the log like any other). */
public final class SupervisionEvents {

    private SupervisionEvents() {
    }

    /** Someone read the log: who, about which subject (null for a general listing), and what they asked for. */
    public record LogRead(UUID by, String subject, String what) {
    }

    /** A regulator or administrator asked for a tree head to be signed now. */
    public record TreeHeadRequested(UUID by, long treeSize) {
    }

    /** The completeness check found acts with no entry: how many in all, and the first one's kind and subject. */
    public record EntriesMissing(long missing, String firstKind, String firstSubject) {
    }

    /** The verification job found the stored log does not match what was signed. */
    public record TamperingDetected(Long firstBadSeq, String reason) {
    }
}
