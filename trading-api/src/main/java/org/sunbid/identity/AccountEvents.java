package org.sunbid.identity;

import java.time.Instant;
import java.util.UUID;

/** Past-tense events of the identity feature, for the supervision log. */
public final class AccountEvents {

    private AccountEvents() {
    }

    public record AccountCreated(UUID account, String username, Role role, UUID member, UUID by, Instant at) {
    }

    public record LoggedIn(UUID account, String method, String clientIp, Instant at) {
    }

    public record LoginFailed(String username, UUID account, String method, String reason, String clientIp,
            Instant at) {
    }

    public record AccountLocked(UUID account, Instant until) {
    }

    public record PasswordChanged(UUID account, Instant at) {
    }
}
