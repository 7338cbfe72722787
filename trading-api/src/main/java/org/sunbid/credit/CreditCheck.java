package org.sunbid.credit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.MemberId;

/**
 * The one port every gate calls. Registration: refused when a ban names the applicant's code
 * ({@link #refuseIfCodeBanned}); approval: refused when banned ({@link #refuseIfBanned} with {@link BanScope#ALL}). Login: allowed, show {@link Standing.Warned}/{@link Standing.Banned} as a warning. Bid
 * submission: refused when banned for the tender's scope. Award: the next candidate ({@link #firstEligible}).
 * Expert draw: a banned expert is never drawn ({@link #eligible}).
 */
public interface CreditCheck {

    /** The member's standing at {@code at} for tenders of {@code scope}. */
    Standing standing(MemberId memberId, BanScope scope, Instant at);

    /**
     * The standing of a party known by its unified social credit code or ID number, for gates that run before a
     * member id exists (registration). Only bans entered with that code count; there are no records by code.
     */
    Standing standingOfCode(String partyCode, BanScope scope, Instant at);

    /** Registration: a 422 {@code member-banned} on {@code field} when a ban in force names this code. */
    default void refuseIfCodeBanned(String partyCode, BanScope scope, Instant at, String field) {
        if (standingOfCode(partyCode, scope, at) instanceof Standing.Banned banned) {
            throw ProblemException.rule("member-banned", field, "credit.banned", banned.ban().endsOn(),
                    banned.ban().authority());
        }
    }

    /** Whether the member may take part at all (not banned for {@code scope}). */
    default boolean eligible(MemberId memberId, BanScope scope, Instant at) {
        return !standing(memberId, scope, at).banned();
    }

    /** Throws a 422 problem of type {@code member-banned} naming {@code field} when the member is banned. */
    default void refuseIfBanned(MemberId memberId, BanScope scope, Instant at, String field) {
        if (standing(memberId, scope, at) instanceof Standing.Banned banned) {
            throw ProblemException.rule("member-banned", field, "credit.banned", banned.ban().endsOn(),
                    banned.ban().authority());
        }
    }

    /** The first candidate in ranking order who is not banned for {@code scope} (award: the next candidate). */
    default Optional<MemberId> firstEligible(List<MemberId> rankedCandidates, BanScope scope, Instant at) {
        return rankedCandidates.stream().filter(m -> eligible(m, scope, at)).findFirst();
    }
}
