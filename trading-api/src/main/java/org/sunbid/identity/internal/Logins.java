package org.sunbid.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.identity.AccountEvents;
import org.sunbid.identity.CertificateDirectory;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.MemberId;
import org.sunbid.signing.certs.ChallengeSignatures;

/**
 * Password and certificate-challenge login; every attempt is recorded. Password failures are throttled per (name,
 * address) and per address ({@link LoginThrottle}); no account is ever locked by failures.
 */
@Service
@Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = ProblemException.class)
public class Logins {

    public static final Duration CHALLENGE_TTL = Duration.ofMinutes(2);

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final Tokens tokens;
    private final List<CertificateDirectory> certificates;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Spent on unknown user names too, so timing does not reveal which names exist. */
    private final String dummyHash;

    private final List<org.sunbid.identity.LoginNotices> notices;

    Logins(Accounts accounts, PasswordEncoder passwords, Tokens tokens, List<CertificateDirectory> certificates,
            ApplicationEventPublisher events, Clock clock, List<org.sunbid.identity.LoginNotices> notices) {
        this.notices = notices;
        this.accounts = accounts;
        this.passwords = passwords;
        this.tokens = tokens;
        this.certificates = certificates;
        this.events = events;
        this.clock = clock;
        this.dummyHash = passwords.encode(UUID.randomUUID().toString());
    }

    /**
     * Same answer and the same work (one password hash, one recorded attempt) whether or not the name exists;
     * throttled per (name, address) and per address by {@link LoginThrottle} before anything is looked up.
     */
    public Tokens.TokenPair withPassword(String username, String password, String clientIp) {
        Instant now = clock.instant();
        Optional<java.time.Duration> wait = LoginThrottle.waitBefore(
                accounts.passwordFailures(String.valueOf(username), clientIp, now.minus(LoginThrottle.PAIR_WINDOW)),
                accounts.passwordFailuresFrom(clientIp, now.minus(LoginThrottle.ADDRESS_WINDOW)), now);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            accounts.recordAttempt(String.valueOf(username), null, "PASSWORD", false, "throttled", clientIp, now);
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", null,
                    "problem.too-many-attempts", java.util.Map.of("retryAfter", seconds), seconds);
        }
        Optional<AccountRecord> found = accounts.findByUsername(String.valueOf(username));
        if (found.isEmpty()) {
            passwords.matches(String.valueOf(password), dummyHash);
            fail(username, null, "PASSWORD", "unknown-user", clientIp, now);
        }
        AccountRecord account = found.get();
        boolean matches = password != null && passwords.matches(password, account.passwordHash());
        if (!account.enabled()) {
            fail(account.username(), account.id(), "PASSWORD", "disabled", clientIp, now);
        }
        if (!matches) {
            fail(account.username(), account.id(), "PASSWORD", "bad-password", clientIp, now);
        }
        return succeed(account, "PASSWORD", clientIp, now);
    }

    /** The challenge a client must sign: its id, the exact text to sign, and when it expires. */
    public record Challenge(UUID id, String challenge, Instant expiresAt) {
    }

    public Challenge challenge(String username) {
        Instant now = clock.instant();
        // a name without a member account gets a challenge too, bound to nobody: no answer to it will ever verify,
        // and nothing in the response or its timing tells which names exist
        UUID account = accounts.findByUsername(String.valueOf(username)).filter(a -> a.memberId() != null)
                .map(AccountRecord::id).orElse(null);
        byte[] nonce = new byte[32];
        random.nextBytes(nonce);
        UUID id = UUID.randomUUID();
        accounts.storeChallenge(id, nonce, account, now, now.plus(CHALLENGE_TTL));
        return new Challenge(id, challengeText(id, nonce), now.plus(CHALLENGE_TTL));
    }

    static String challengeText(UUID id, byte[] nonce) {
        return "sunbid-login:" + id + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    }

    public Tokens.TokenPair withCertificate(UUID challengeId, byte[] signature, ChallengeSignatures.Format format,
            String clientIp) {
        Instant now = clock.instant();
        Accounts.ChallengeRecord challenge = accounts.findChallenge(challengeId)
                .orElseThrow(() -> ProblemException.invalid("challengeId", "identity.challenge.unknown"));
        Optional<AccountRecord> owner = Optional.ofNullable(challenge.accountId()).flatMap(accounts::find);
        if (owner.isEmpty()) {
            accounts.useChallenge(challengeId, now);
            String reason = challenge.usedAt() != null ? "replayed-nonce"
                    : !challenge.expiresAt().isAfter(now) ? "expired-nonce" : "bad-signature";
            fail("-", null, "CERTIFICATE", reason, clientIp, now);
        }
        AccountRecord account = owner.get();
        if (challenge.usedAt() != null) {
            fail(account.username(), account.id(), "CERTIFICATE", "replayed-nonce", clientIp, now);
        }
        if (!challenge.expiresAt().isAfter(now)) {
            fail(account.username(), account.id(), "CERTIFICATE", "expired-nonce", clientIp, now);
        }
        if (!accounts.useChallenge(challengeId, now)) {
            fail(account.username(), account.id(), "CERTIFICATE", "replayed-nonce", clientIp, now);
        }
        if (!account.enabled()) {
            fail(account.username(), account.id(), "CERTIFICATE", "disabled", clientIp, now);
        }
        byte[] message = challengeText(challenge.id(), challenge.nonce()).getBytes(StandardCharsets.UTF_8);
        List<X509Certificate> bound = account.memberId() == null ? List.of() : certificates.stream()
                .flatMap(d -> d.certificatesOf(MemberId.of(account.memberId())).stream()).toList();
        Optional<X509Certificate> signer = bound.stream()
                .filter(c -> ChallengeSignatures.verify(c, message, signature, format)).findFirst();
        if (signer.isEmpty()) {
            fail(account.username(), account.id(), "CERTIFICATE", "bad-signature", clientIp, now);
        }
        try {
            signer.get().checkValidity(Date.from(now));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            fail(account.username(), account.id(), "CERTIFICATE", "certificate-not-valid", clientIp, now);
        }
        return succeed(account, "CERTIFICATE", clientIp, now);
    }

    private void fail(String username, UUID accountId, String method, String reason, String clientIp, Instant now) {
        accounts.recordAttempt(String.valueOf(username), accountId, method, false, reason, clientIp, now);
        events.publishEvent(new AccountEvents.LoginFailed(username, accountId, method, reason, clientIp, now));
        String key = switch (reason) {
            case "replayed-nonce" -> "identity.challenge.replayed";
            case "expired-nonce" -> "identity.challenge.expired";
            case "bad-signature" -> "identity.challenge.bad-signature";
            case "certificate-not-valid" -> "identity.challenge.certificate-not-valid";
            case "disabled" -> "identity.login.disabled";
            default -> "identity.login.failed";
        };
        String field = method.equals("CERTIFICATE") ? "signature" : "password";
        throw new ProblemException(HttpStatus.UNAUTHORIZED, "login-failed", field, key);
    }

    private Tokens.TokenPair succeed(AccountRecord account, String method, String clientIp, Instant now) {
        accounts.recordAttempt(account.username(), account.id(), method, true, "ok", clientIp, now);
        events.publishEvent(new AccountEvents.LoggedIn(account.id(), method, clientIp, now));
        return tokens.issue(account).withNotices(noticesFor(account, now));
    }

    /** Notices never block a login: a provider that fails is skipped. */
    private List<String> noticesFor(AccountRecord account, Instant now) {
        if (account.memberId() == null) {
            return List.of();
        }
        List<String> all = new java.util.ArrayList<>();
        for (org.sunbid.identity.LoginNotices provider : notices) {
            try {
                all.addAll(provider.noticesFor(new org.sunbid.platform.id.MemberId(account.memberId()), now));
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Logins.class).warn("login notices skipped: {}", e.toString());
            }
        }
        return all;
    }
}
