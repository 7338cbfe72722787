package org.sunbid.expert;

import java.time.Instant;
import java.util.UUID;

/** Past-tense events of an expert's own pages, for the supervision log (the other library events are in ExpertEvents). */
public final class ExpertSelfEvents {

    private ExpertSelfEvents() {
    }

    /** The expert withdrew a leave period it had declared; the period stays on record, marked withdrawn. */
    public record LeaveWithdrawn(UUID expert, UUID leave, Instant startsAt, Instant endsAt, Instant at) {
    }
}
