package org.sunbid.identity.internal;

import java.time.Instant;
import java.util.UUID;

import org.sunbid.identity.Role;

/** One row of {@code account}. */
public record AccountRecord(UUID id, String username, String passwordHash, Role role, UUID memberId,
        String displayName, boolean enabled, int tokenVersion, int failedAttempts, Instant lockedUntil,
        Instant createdAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
