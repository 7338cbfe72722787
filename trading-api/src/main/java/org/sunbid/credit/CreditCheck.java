package org.sunbid.credit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sunbid.platform.ProblemException;

/**
 * The one port every gate calls. Registration and approval: refused when banned ({@link #refuseIfBanned} with
 * {@link BanScope#ALL}). Login: allowed, show {@link Standing.Warned}/{@link Standing.Banned} as a warning. Bid
 * submission: refused when banned for the tender's scope. Award: the next candidate ({@link #firstEligible}).
 * Expert draw: a banned expert is never drawn ({@link #eligible}).
 */
public interface CreditCheck {

    /** The member's standing at {@code at} for tenders of {@code scope}. */
    Standing standing(UUID memberId, BanScope scope, Instant at);

    /** Whether the member may take part at all (not banned for {@code scope}). */
    default boolean eligible(UUID memberId, BanScope scope, Instant at) {
        return !standing(memberId, scope, at).banned();
    }

    /** Throws a 422 problem of type {@code member-banned} naming {@code field} when the member is banned. */
    default void refuseIfBanned(UUID memberId, BanScope scope, Instant at, String field) {
        if (standing(memberId, scope, at) instanceof Standing.Banned banned) {
            throw ProblemException.rule("member-banned", field, "credit.banned", banned.ban().endsOn(),
                    banned.ban().authority());
        }
    }

    /** The first candidate in ranking order who is not banned for {@code scope} (award: the next candidate). */
    default Optional<UUID> firstEligible(List<UUID> rankedCandidates, BanScope scope, Instant at) {
        return rankedCandidates.stream().filter(m -> eligible(m, scope, at)).findFirst();
    }
}
