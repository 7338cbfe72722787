package org.sunbid.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.identity.Role;

/** Accounts, login attempts, refresh tokens and challenges, in hand-written SQL. */
@Repository
public class Accounts {

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AccountRecord> find(UUID id) {
        return jdbc.sql("select * from account where id = ?").param(id).query(Accounts::map).optional();
    }

    public Optional<AccountRecord> findByUsername(String username) {
        return jdbc.sql("select * from account where lower(username) = lower(?)").param(username)
                .query(Accounts::map).optional();
    }

    public List<AccountRecord> findByMember(UUID memberId) {
        return jdbc.sql("select * from account where member_id = ? order by created_at").param(memberId)
                .query(Accounts::map).list();
    }

    public List<AccountRecord> findPlatformAccounts() {
        return jdbc.sql("select * from account where member_id is null order by created_at").query(Accounts::map).list();
    }

    /** Accounts whose display name or user name contains the text (case-insensitive), at most {@code limit}. */
    public List<AccountRecord> search(String text, int limit) {
        String like = "%" + text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return jdbc.sql("""
                select * from account where lower(display_name) like ? or lower(username) like ?
                order by display_name, username limit ?""").params(like, like, limit).query(Accounts::map).list();
    }

    public boolean usernameTaken(String username) {
        return jdbc.sql("select count(*) from account where lower(username) = lower(?)").param(username)
                .query(Integer.class).single() > 0;
    }

    public void insert(AccountRecord a, Instant now) {
        jdbc.sql("""
                insert into account (id, username, password_hash, role, member_id, display_name, enabled,
                    token_version, failed_attempts, created_at, password_changed_at)
                values (?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)""")
                .params(a.id(), a.username(), a.passwordHash(), a.role().name(), a.memberId(), a.displayName(),
                        a.enabled(), ts(now), ts(now))
                .update();
    }

    public int tokenVersion(UUID id) {
        return jdbc.sql("select token_version from account where id = ? and enabled").param(id).query(Integer.class)
                .optional().orElse(-1);
    }

    public void recordFailure(UUID id, int maxFailures, Instant lockUntil) {
        jdbc.sql("""
                update account set failed_attempts = failed_attempts + 1,
                    locked_until = case when failed_attempts + 1 >= ? then ? else locked_until end
                where id = ?""").params(maxFailures, ts(lockUntil), id).update();
    }

    public void recordSuccess(UUID id) {
        jdbc.sql("update account set failed_attempts = 0, locked_until = null where id = ?").param(id).update();
    }

    public void changePassword(UUID id, String hash, Instant now) {
        jdbc.sql("""
                update account set password_hash = ?, password_changed_at = ?, token_version = token_version + 1
                where id = ?""").params(hash, ts(now), id).update();
    }

    public void bumpTokenVersion(UUID id) {
        jdbc.sql("update account set token_version = token_version + 1 where id = ?").param(id).update();
    }

    public void setEnabledForMember(UUID memberId, boolean enabled) {
        jdbc.sql("update account set enabled = ?, token_version = token_version + 1 where member_id = ?")
                .params(enabled, memberId).update();
    }

    public void recordAttempt(String username, UUID accountId, String method, boolean success, String reason,
            String clientIp, Instant at) {
        jdbc.sql("""
                insert into login_attempt (username, account_id, method, success, reason, client_ip, at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(truncate(username, 64), accountId, method, success, reason, truncate(clientIp, 64), ts(at))
                .update();
    }

    /** Failed password logins in a window: how many, and when the last one was. */
    public record Failures(int count, Instant last) {
    }

    private static final String PASSWORD_FAILURE = """
            method = 'PASSWORD' and not success and reason in ('bad-password', 'unknown-user', 'disabled')""";

    /** Failed password logins for this name from this address since {@code since} and since its last success. */
    public Failures passwordFailures(String username, String clientIp, Instant since) {
        return jdbc.sql("""
                select count(*) as n, max(at) as last from login_attempt a
                where lower(username) = lower(?) and client_ip is not distinct from ? and at > ? and %s
                  and at > coalesce((select max(at) from login_attempt s where s.success
                      and lower(s.username) = lower(?) and s.client_ip is not distinct from ?), '-infinity')
                """.formatted(PASSWORD_FAILURE))
                .params(truncate(username, 64), truncate(clientIp, 64), ts(since), truncate(username, 64),
                        truncate(clientIp, 64))
                .query((rs, n) -> new Failures(rs.getInt("n"), instant(rs, "last"))).single();
    }

    /** Failed password logins from this address, whatever the name, since {@code since}. */
    public Failures passwordFailuresFrom(String clientIp, Instant since) {
        return jdbc.sql("""
                select count(*) as n, max(at) as last from login_attempt
                where client_ip is not distinct from ? and at > ? and %s""".formatted(PASSWORD_FAILURE))
                .params(truncate(clientIp, 64), ts(since))
                .query((rs, n) -> new Failures(rs.getInt("n"), instant(rs, "last"))).single();
    }

    public List<LoginAttemptRecord> attempts(UUID accountId, int limit) {
        return jdbc.sql("""
                select username, method, success, reason, client_ip, at from login_attempt
                where account_id = ? order by id desc limit ?""").params(accountId, limit)
                .query((rs, n) -> new LoginAttemptRecord(rs.getString("username"), rs.getString("method"),
                        rs.getBoolean("success"), rs.getString("reason"), rs.getString("client_ip"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    public record LoginAttemptRecord(String username, String method, boolean success, String reason, String clientIp,
            Instant at) {
    }

    // refresh tokens

    public void storeRefreshToken(byte[] hash, UUID accountId, Instant issuedAt, Instant expiresAt) {
        jdbc.sql("insert into refresh_token (token_hash, account_id, issued_at, expires_at) values (?, ?, ?, ?)")
                .params(hash, accountId, ts(issuedAt), ts(expiresAt)).update();
    }

    /** Marks the token used; returns its account if it was live. */
    public Optional<UUID> consumeRefreshToken(byte[] hash, Instant now) {
        return jdbc.sql("""
                update refresh_token set revoked_at = ? where token_hash = ? and revoked_at is null and expires_at > ?
                returning account_id""").params(ts(now), hash, ts(now)).query(UUID.class).optional();
    }

    public Optional<UUID> refreshTokenOwner(byte[] hash) {
        return jdbc.sql("select account_id from refresh_token where token_hash = ?").param(hash).query(UUID.class)
                .optional();
    }

    public void revokeRefreshTokens(UUID accountId, Instant now) {
        jdbc.sql("update refresh_token set revoked_at = ? where account_id = ? and revoked_at is null")
                .params(ts(now), accountId).update();
    }

    // challenges

    public void storeChallenge(UUID id, byte[] nonce, UUID accountId, Instant issuedAt, Instant expiresAt) {
        jdbc.sql("insert into login_challenge (id, nonce, account_id, issued_at, expires_at) values (?, ?, ?, ?, ?)")
                .params(id, nonce, accountId, ts(issuedAt), ts(expiresAt)).update();
    }

    public record ChallengeRecord(UUID id, byte[] nonce, UUID accountId, Instant expiresAt, Instant usedAt) {
    }

    public Optional<ChallengeRecord> findChallenge(UUID id) {
        return jdbc.sql("select * from login_challenge where id = ?").param(id)
                .query((rs, n) -> new ChallengeRecord(rs.getObject("id", UUID.class), rs.getBytes("nonce"),
                        rs.getObject("account_id", UUID.class), rs.getTimestamp("expires_at").toInstant(),
                        instant(rs, "used_at")))
                .optional();
    }

    /** Uses the challenge once: true only for the first caller before expiry. */
    public boolean useChallenge(UUID id, Instant now) {
        return jdbc.sql("update login_challenge set used_at = ? where id = ? and used_at is null and expires_at > ?")
                .params(ts(now), id, ts(now)).update() == 1;
    }

    private static AccountRecord map(ResultSet rs, int row) throws SQLException {
        return new AccountRecord(rs.getObject("id", UUID.class), rs.getString("username"),
                rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
                rs.getObject("member_id", UUID.class), rs.getString("display_name"), rs.getBoolean("enabled"),
                rs.getInt("token_version"), rs.getInt("failed_attempts"), instant(rs, "locked_until"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
