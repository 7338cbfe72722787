package org.sunbid.identity.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.sunbid.identity.Role;

/**
 * What an access token must carry before anything reads it: an expiry (a token without one would never die), an
 * account id as subject, a known role and, if present, a member id; then its token version must be current. A token
 * failing any of these is a 401 problem, never a 500 from a parser further in.
 */
final class TokenClaims {

    private TokenClaims() {
    }

    static OAuth2TokenValidator<Jwt> wellFormed() {
        return jwt -> {
            if (jwt.getExpiresAt() == null || jwt.getIssuedAt() == null) {
                return invalid("token has no expiry");
            }
            if (uuid(jwt.getSubject()).isEmpty()) {
                return invalid("subject is not an account id");
            }
            String member = jwt.getClaimAsString("member");
            if (member != null && uuid(member).isEmpty()) {
                return invalid("member is not a member id");
            }
            String role = jwt.getClaimAsString("role");
            try {
                Role.valueOf(String.valueOf(role));
            } catch (IllegalArgumentException e) {
                return invalid("unknown role");
            }
            return OAuth2TokenValidatorResult.success();
        };
    }

    static OAuth2TokenValidator<Jwt> notRevoked(Accounts accounts) {
        return jwt -> {
            Optional<UUID> account = uuid(jwt.getSubject());
            Object tv = jwt.getClaim("tv");
            return account.isPresent() && tv instanceof Number n && n.intValue() == accounts.tokenVersion(account.get())
                    ? OAuth2TokenValidatorResult.success()
                    : invalid("token revoked");
        };
    }

    private static OAuth2TokenValidatorResult invalid(String reason) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", reason, null));
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
