package org.sunbid.identity;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The authenticated caller, read from the verified access token. Controllers declare it as a parameter.
 *
 * @param accountId the account
 * @param username  its login name
 * @param role      its role
 * @param memberId  the member it acts for, if it is a member account
 */
public record CurrentUser(UUID accountId, String username, Role role, Optional<UUID> memberId) {

    /** The account, typed. */
    public AccountId account() {
        return new AccountId(accountId);
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }

    /** The member id, or a 403 problem when the caller acts for no member. */
    public UUID requireMember() {
        return memberId.orElseThrow(() -> org.sunbid.platform.ProblemException.forbidden("problem.forbidden"));
    }

    /** The caller of the current request, if authenticated with a token. */
    public static Optional<CurrentUser> current() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Optional<CurrentUser> from(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            String member = jwt.getClaimAsString("member");
            return Optional.of(new CurrentUser(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString("username"),
                    Role.valueOf(jwt.getClaimAsString("role")),
                    Optional.ofNullable(member).map(UUID::fromString)));
        }
        return Optional.empty();
    }
}
