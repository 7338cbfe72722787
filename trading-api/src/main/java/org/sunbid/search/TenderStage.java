package org.sunbid.search;

import java.time.Instant;
import java.util.Optional;

import org.sunbid.notice.NoticeKind;

/**
 * Where the project of a notice stands now, as a search result card shows it (正在报名 / 已截止 / 已开标 / 已定标 /
 * 已终止). Derived from the latest outcome notice of the project, else from its deadline and opening time.
 */
public enum TenderStage {
    /** Bids are accepted: before the deadline (正在报名). */
    ACCEPTING_BIDS,
    /** The deadline has passed, the opening has not come (已截止). */
    CLOSED,
    /** Opened or under evaluation (已开标). */
    OPENED,
    /** An award or contract notice exists (已定标). */
    AWARDED,
    /** The tender failed or was terminated (已终止). */
    ENDED;

    /**
     * The stage at {@code now}: the latest outcome notice of the project decides ({@code outcome}, if any); without
     * one, the deadline and opening times; empty when the notice carries neither.
     */
    public static Optional<TenderStage> of(Optional<NoticeKind> outcome, Instant bidDeadline, Instant openingAt,
            Instant now) {
        if (outcome.isPresent()) {
            switch (outcome.get()) {
                case AWARD, CONTRACT -> {
                    return Optional.of(AWARDED);
                }
                case FAILED_TENDER, TERMINATION -> {
                    return Optional.of(ENDED);
                }
                case OPENING_RECORD, CANDIDATE_PUBLICITY -> {
                    return Optional.of(OPENED);
                }
                default -> {
                    // clarifications and the like say nothing about the stage
                }
            }
        }
        if (bidDeadline == null) {
            return Optional.empty();
        }
        if (now.isBefore(bidDeadline)) {
            return Optional.of(ACCEPTING_BIDS);
        }
        if (openingAt != null && now.isBefore(openingAt)) {
            return Optional.of(CLOSED);
        }
        return Optional.of(OPENED);
    }
}
