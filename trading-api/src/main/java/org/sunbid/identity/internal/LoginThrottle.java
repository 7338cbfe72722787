package org.sunbid.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a password login may be tried again. Failures slow down the pair (user name, address) progressively and lock
 * out only an address; no account is ever locked, so nobody can lock a bidder out before a deadline by failing with
 * the bidder's name from elsewhere. The answer never depends on whether the name exists. Certificate login is not
 * throttled here: it needs the bound private key, which guessing cannot supply.
 */
final class LoginThrottle {

    /** Failures of one name from one address before waiting starts. */
    static final int FREE_FAILURES = 5;
    /** The first wait; it doubles with each further failure. */
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration MAX_WAIT = Duration.ofMinutes(15);
    /** How far back failures of a name from an address count. */
    static final Duration PAIR_WINDOW = Duration.ofHours(1);
    /** Failures from one address (any names) within {@link #ADDRESS_WINDOW} that lock the address out. */
    static final int ADDRESS_LIMIT = 50;
    static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);

    private LoginThrottle() {
    }

    /** How long the caller must still wait, or empty if a login may be tried now. */
    static Optional<Duration> waitBefore(Accounts.Failures pair, Accounts.Failures address, Instant now) {
        Instant until = null;
        if (pair.count() >= FREE_FAILURES && pair.last() != null) {
            until = pair.last().plus(pairWait(pair.count()));
        }
        if (address.count() >= ADDRESS_LIMIT && address.last() != null) {
            Instant addressUntil = address.last().plus(ADDRESS_WINDOW);
            until = until == null || addressUntil.isAfter(until) ? addressUntil : until;
        }
        if (until == null || !until.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, until));
    }

    /** 30 s after the fifth failure, 60 s after the sixth, … at most 15 minutes. */
    static Duration pairWait(int failures) {
        int doublings = Math.min(failures - FREE_FAILURES, 10);
        Duration wait = FIRST_WAIT.multipliedBy(1L << Math.max(doublings, 0));
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }
}
