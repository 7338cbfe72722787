package org.sunbid.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Base64;
import java.util.UUID;

import org.sunbid.signing.DigestAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;
import org.sunbid.platform.ProblemException;

/** Issues short-lived access tokens (ES256 JWT) and rotating refresh tokens stored only as hashes. */
@Component
public class Tokens {

    public static final String ISSUER = "sunbid";
    static final Duration ACCESS_TTL = Duration.ofMinutes(15);
    static final Duration REFRESH_TTL = Duration.ofHours(12);

    private final JwtEncoder encoder;
    private final Accounts accounts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Tokens(JwtEncoder encoder, Accounts accounts, Clock clock) {
        this.encoder = encoder;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The pair handed to a client after login or refresh. */
    /** The tokens, plus notices to show the user after login (from {@link org.sunbid.identity.LoginNotices}). */
    public record TokenPair(String accessToken, String refreshToken, long expiresIn, String tokenType,
            List<String> notices) {

        public TokenPair {
            notices = notices == null ? List.of() : List.copyOf(notices);
        }

        public TokenPair(String accessToken, String refreshToken, long expiresIn, String tokenType) {
            this(accessToken, refreshToken, expiresIn, tokenType, List.of());
        }

        public TokenPair withNotices(List<String> more) {
            return new TokenPair(accessToken, refreshToken, expiresIn, tokenType, more);
        }
    }

    public TokenPair issue(AccountRecord account) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(account.id().toString())
                .issuedAt(now)
                .expiresAt(now.plus(ACCESS_TTL))
                .id(UUID.randomUUID().toString())
                .claim("username", account.username())
                .claim("role", account.role().name())
                .claim("name", account.displayName())
                .claim("tv", account.tokenVersion());
        if (account.memberId() != null) {
            claims.claim("member", account.memberId().toString());
        }
        String access = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.ES256).build(),
                claims.build())).getTokenValue();
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        accounts.storeRefreshToken(hash(refresh), account.id(), now, now.plus(REFRESH_TTL));
        return new TokenPair(access, refresh, ACCESS_TTL.toSeconds(), "Bearer");
    }

    /** Rotates a refresh token. Presenting a used one again revokes every token of its account (theft). */
    public TokenPair refresh(String refreshToken) {
        Instant now = clock.instant();
        byte[] hash = hash(refreshToken);
        var owner = accounts.consumeRefreshToken(hash, now);
        if (owner.isEmpty()) {
            accounts.refreshTokenOwner(hash).ifPresent(account -> {
                accounts.revokeRefreshTokens(account, now);
                accounts.bumpTokenVersion(account);
            });
            throw new ProblemException(org.springframework.http.HttpStatus.UNAUTHORIZED, "invalid-refresh-token",
                    "refreshToken", "identity.refresh.invalid");
        }
        AccountRecord account = accounts.find(owner.get()).filter(AccountRecord::enabled)
                .orElseThrow(() -> new ProblemException(org.springframework.http.HttpStatus.UNAUTHORIZED,
                        "invalid-refresh-token", "refreshToken", "identity.refresh.invalid"));
        return issue(account);
    }

    /** Logout: the refresh token dies and every access token of the account stops validating. */
    public void revokeAll(UUID accountId) {
        accounts.revokeRefreshTokens(accountId, clock.instant());
        accounts.bumpTokenVersion(accountId);
    }

    static byte[] hash(String token) {
        return DigestAlgorithm.SHA256.digest(String.valueOf(token).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
