package org.sunbid.credit;

import java.util.List;

/** A member's standing at a gate: clear, allowed with warnings, or banned. */
public sealed interface Standing permits Standing.Clear, Standing.Warned, Standing.Banned {

    /** Nothing against the member. */
    record Clear() implements Standing {
    }

    /**
     * Allowed, but the caller should show the warnings: currently published bad records, or bans that cover other
     * scopes than the one asked about.
     */
    record Warned(List<CreditRecord> publishedBadRecords, List<Ban> otherBans) implements Standing {
        public Warned {
            publishedBadRecords = List.copyOf(publishedBadRecords);
            otherBans = List.copyOf(otherBans);
        }
    }

    /** Refused: a ban in force covers the scope asked about. */
    record Banned(Ban ban) implements Standing {
    }

    default boolean banned() {
        return this instanceof Banned;
    }
}
