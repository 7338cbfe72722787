package org.sunbid.supervision.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.signing.merkle.MerkleTree;
import org.sunbid.supervision.SignedTreeHead;

/**
 * Issues and stores signed tree heads, signed (ECDSA P-256, SHA-256, JDK) by the platform document signer of
 * {@link org.sunbid.platform.PlatformTrust}, whose certificate chains to the platform root.
 */
@Component
public class TreeHeads {

    static final String ALGORITHM = "SHA256withECDSA";

    private final JdbcClient jdbc;
    private final LogWriter writer;
    private final Clock clock;
    private final org.sunbid.signing.keys.SigningKey key;
    private final TimestampSource timestamps;

    TreeHeads(JdbcClient jdbc, LogWriter writer, Clock clock, org.sunbid.platform.PlatformTrust trust,
            TimestampSource timestamps) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.clock = clock;
        this.timestamps = timestamps;
        this.key = trust.documentSigner();
    }

    /** The signer's certificate, for verifiers. */
    public java.security.cert.X509Certificate certificate() {
        return key.certificate();
    }

    /**
     * Signs a head over everything committed so far, unless the latest head already covers that size and
     * {@code force} is false. Returns the latest head either way (empty when the log is empty and not forced).
     */
    @Transactional
    public synchronized Optional<SignedTreeHead> issue(boolean force) {
        writer.flush(Duration.ofSeconds(10));
        writer.catchUp();
        long size = writer.tree().size();
        Optional<SignedTreeHead> latest = latest();
        if (latest.isPresent() && latest.get().treeSize() >= size) {
            return latest;
        }
        if (size == 0 && !force) {
            return Optional.empty();
        }
        String root = HexFormat.of().formatHex(MerkleTree.root(writer.tree(), size));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String text = SignedTreeHead.signedText(size, root, now);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] signature = sign(bytes);
        byte[] token = timestamps.timestamp(bytes).orElse(null);
        try {
            jdbc.sql("""
                    insert into supervision_tree_head (tree_size, root_hash, issued_at, signed_bytes, signature,
                        signature_alg, key_certificate, timestamp_token) values (?,?,?,?,?,?,?,?)
                    on conflict (tree_size) do nothing""")
                    .params(size, HexFormat.of().parseHex(root), Timestamp.from(now), bytes, signature, ALGORITHM,
                            key.certificate().getEncoded(), token)
                    .update();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        return latest();
    }

    private byte[] sign(byte[] bytes) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key.privateKey());
            s.update(bytes);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign tree head", e);
        }
    }

    public Optional<SignedTreeHead> latest() {
        return jdbc.sql(SELECT + " order by tree_size desc limit 1").query((rs, n) -> map(rs)).optional();
    }

    public Optional<SignedTreeHead> find(long treeSize) {
        return jdbc.sql(SELECT + " where tree_size = ?").param(treeSize).query((rs, n) -> map(rs)).optional();
    }

    public List<SignedTreeHead> all() {
        return jdbc.sql(SELECT + " order by tree_size").query((rs, n) -> map(rs)).list();
    }

    /** The exact bytes that were signed for the head of {@code treeSize}. */
    public Optional<byte[]> signedBytes(long treeSize) {
        return jdbc.sql("select signed_bytes from supervision_tree_head where tree_size = ?").param(treeSize)
                .query(byte[].class).optional();
    }

    private static final String SELECT = "select tree_size, root_hash, issued_at, signature, signature_alg, "
            + "key_certificate, timestamp_token from supervision_tree_head";

    private static SignedTreeHead map(java.sql.ResultSet rs) throws java.sql.SQLException {
        Base64.Encoder b64 = Base64.getEncoder();
        byte[] token = rs.getBytes(7);
        return new SignedTreeHead(rs.getLong(1), HexFormat.of().formatHex(rs.getBytes(2)),
                rs.getTimestamp(3).toInstant(), b64.encodeToString(rs.getBytes(4)), rs.getString(5),
                b64.encodeToString(rs.getBytes(6)), token == null ? null : b64.encodeToString(token));
    }
}
