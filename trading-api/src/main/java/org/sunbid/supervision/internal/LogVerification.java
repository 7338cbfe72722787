package org.sunbid.supervision.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;

import org.springframework.stereotype.Component;
import org.sunbid.signing.merkle.LeafSource;
import org.sunbid.signing.merkle.MerkleTree;
import org.sunbid.supervision.LogEntry;
import org.sunbid.supervision.SignedTreeHead;
import org.sunbid.supervision.VerificationReport;

/**
 * Recomputes every leaf and the tree from the stored rows, and checks each signed tree head (signature and root)
 * against the recomputation; names the first sequence number that is missing or altered.
 */
@Component
public class LogVerification {

    private final Entries entries;
    private final TreeHeads heads;
    private final LogWriter writer;

    LogVerification(Entries entries, TreeHeads heads, LogWriter writer) {
        this.entries = entries;
        this.heads = heads;
        this.writer = writer;
    }

    private static final class Failure extends RuntimeException {
        final long seq;
        final String reason;

        Failure(long seq, String reason) {
            super(reason, null, false, false);
            this.seq = seq;
            this.reason = reason;
        }
    }

    public VerificationReport verify() {
        long started = System.nanoTime();
        Deque<SignedTreeHead> pending = new ArrayDeque<>(heads.all());
        int headCount = pending.size();
        SubtreeCache recomputed = new SubtreeCache();
        LeafSource live = writer.tree();
        long liveSize = live.size();
        MessageDigest sha = sha256();
        long[] checked = { 0 };
        long[] lastGoodHead = { 0 };
        try {
            checkHeadsAt(pending, recomputed, lastGoodHead);
            entries.streamRaw(0, row -> {
                long expected = recomputed.size();
                if (row.seq() != expected) {
                    throw new Failure(expected, "missing-entry");
                }
                byte[] detailsHash = sha.digest(row.details().getBytes(StandardCharsets.UTF_8));
                if (!Arrays.equals(detailsHash, row.detailsSha256())) {
                    throw new Failure(row.seq(), "details-hash-mismatch");
                }
                LogEntry entry = new LogEntry(row.seq(), row.at(), row.actor(), row.actorRole(), row.action(),
                        row.subject(), row.details(), row.detailsSha256(), row.clientIp(), row.deviceFingerprint(),
                        row.encoding());
                byte[] leaf = MerkleTree.leafHash(entry.leafBytes());
                if (!Arrays.equals(leaf, row.leafHash())) {
                    throw new Failure(row.seq(), "entry-altered");
                }
                if (row.seq() < liveSize && !Arrays.equals(leaf, live.leafHash(row.seq()))) {
                    throw new Failure(row.seq(), "entry-replaced");
                }
                recomputed.append(leaf);
                checked[0]++;
                checkHeadsAt(pending, recomputed, lastGoodHead);
            });
            if (!pending.isEmpty()) {
                throw new Failure(recomputed.size(), "missing-entry");
            }
            return new VerificationReport(true, checked[0], headCount, null, null, seconds(started));
        } catch (Failure f) {
            return new VerificationReport(false, checked[0], headCount, f.seq, f.reason, seconds(started));
        }
    }

    private void checkHeadsAt(Deque<SignedTreeHead> pending, SubtreeCache recomputed, long[] lastGoodHead) {
        while (!pending.isEmpty() && pending.peekFirst().treeSize() == recomputed.size()) {
            SignedTreeHead head = pending.removeFirst();
            if (!signatureValid(head)) {
                throw new Failure(lastGoodHead[0], "tree-head-signature-invalid");
            }
            if (head.timestampToken() != null && !timestampValid(head)) {
                throw new Failure(lastGoodHead[0], "tree-head-timestamp-invalid");
            }
            byte[] root = MerkleTree.root(recomputed, head.treeSize());
            if (!Arrays.equals(root, HexFormat.of().parseHex(head.rootHash()))) {
                throw new Failure(lastGoodHead[0], "tree-head-mismatch");
            }
            lastGoodHead[0] = head.treeSize();
        }
    }

    /**
     * A cheaper check for start-up: rebuilds the tree from the stored leaf hashes only (32 bytes a row) and compares
     * it with every signed head; returns the size of the first head that no longer matches, if any.
     */
    public java.util.Optional<Long> firstHeadNotMatchingStoredLeaves() {
        Deque<SignedTreeHead> pending = new ArrayDeque<>(heads.all());
        SubtreeCache rebuilt = new SubtreeCache();
        long[] bad = { -1 };
        java.util.function.Consumer<Void> compare = v -> {
            while (bad[0] < 0 && !pending.isEmpty() && pending.peekFirst().treeSize() <= rebuilt.size()) {
                SignedTreeHead head = pending.removeFirst();
                if (!Arrays.equals(MerkleTree.root(rebuilt, head.treeSize()), head.rootHashBytes())) {
                    bad[0] = head.treeSize();
                }
            }
        };
        compare.accept(null);
        entries.leafHashes(0, (seq, hash) -> {
            if (bad[0] >= 0 || seq != rebuilt.size()) {
                return;
            }
            rebuilt.append(hash);
            compare.accept(null);
        });
        if (bad[0] < 0 && !pending.isEmpty()) {
            bad[0] = pending.peekFirst().treeSize();
        }
        return bad[0] < 0 ? java.util.Optional.empty() : java.util.Optional.of(bad[0]);
    }

    static boolean signatureValid(SignedTreeHead head) {
        try {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(head.certificate())));
            Signature s = Signature.getInstance(head.signatureAlgorithm());
            s.initVerify(cert.getPublicKey());
            s.update(head.signedText().getBytes(StandardCharsets.UTF_8));
            return s.verify(head.signatureBytes());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The token must cover SHA-256 of the signed text; whom to trust for it is the reader's choice (the CA pem). */
    static boolean timestampValid(SignedTreeHead head) {
        try {
            byte[] digest = sha256().digest(head.signedText().getBytes(StandardCharsets.UTF_8));
            return org.sunbid.signing.timestamp.TimestampVerifier
                    .verifyWithoutTrust(Base64.getDecoder().decode(head.timestampToken()), digest).isValid();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
