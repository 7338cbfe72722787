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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.springframework.stereotype.Component;
import org.sunbid.signing.merkle.MerkleTree;
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
        SubtreeCache live = writer.cache();
        long liveSize = live.size();
        long checked = 0;
        long[] lastGoodHead = { 0 };
        // Rows are read on their own thread while the batch before is hashed (in parallel) and checked here in
        // order, so reading, hashing and the tree's own hashing overlap; the first failure in seq order is named.
        try (RowReader reader = new RowReader(entries)) {
            checkHeadsAt(pending, recomputed, lastGoodHead);
            for (List<Entries.RawRow> batch = reader.next(); batch != null; batch = reader.next()) {
                byte[] results = checkAll(batch);
                for (int i = 0; i < batch.size(); i++) {
                    Entries.RawRow row = batch.get(i);
                    long expected = recomputed.size();
                    if (row.seq() != expected) {
                        throw new Failure(expected, "missing-entry");
                    }
                    if (results[i] == DETAILS_ALTERED) {
                        throw new Failure(row.seq(), "details-hash-mismatch");
                    }
                    if (results[i] == LEAF_ALTERED) {
                        throw new Failure(row.seq(), "entry-altered");
                    }
                    // the recomputed leaf hash equals the stored one (checked above), so the stored one goes on
                    byte[] leaf = row.leafHash();
                    if (row.seq() < liveSize && !live.leafEquals(row.seq(), leaf)) {
                        throw new Failure(row.seq(), "entry-replaced");
                    }
                    recomputed.append(leaf);
                    checked++;
                    checkHeadsAt(pending, recomputed, lastGoodHead);
                }
            }
            if (!pending.isEmpty()) {
                throw new Failure(recomputed.size(), "missing-entry");
            }
            return new VerificationReport(true, checked, headCount, null, null, seconds(started));
        } catch (Failure f) {
            return new VerificationReport(false, checked, headCount, f.seq, f.reason, seconds(started));
        }
    }

    private static final byte INTACT = 0;
    private static final byte DETAILS_ALTERED = 1;
    private static final byte LEAF_ALTERED = 2;

    /**
     * Per row, in parallel over the batch: SHA-256 of the stored details and the leaf hash recomputed from the row,
     * each compared with the stored hash where it is computed (no hash kept, no array per row).
     */
    private static byte[] checkAll(List<Entries.RawRow> batch) {
        byte[] out = new byte[batch.size()];
        IntStream.range(0, batch.size()).parallel().forEach(i -> out[i] = check(batch.get(i)));
        return out;
    }

    private static byte check(Entries.RawRow row) {
        MessageDigest sha = SHA256.get();
        byte[] hash = HASH.get();
        sha.update(row.details());
        if (!digestEquals(sha, hash, row.detailsSha256())) {
            return DETAILS_ALTERED;
        }
        // The leaf covers the details through their hash (compared above), not their text; almost every leaf is
        // written straight from the stored bytes into this thread's buffer after the leaf prefix 0x00 and hashed from
        // there (SHA-256(0x00 || leaf), as MerkleTree.leafHash), the rest through the entry's own encoding.
        byte[] buffer = leafBuffer(1 + StoredLeaf.capacity(row));
        int end = StoredLeaf.write(row, buffer, 1);
        if (end < 0) {
            return Arrays.equals(MerkleTree.leafHash(row.entry("").leafBytes()), row.leafHash()) ? INTACT : LEAF_ALTERED;
        }
        sha.update(buffer, 0, end);
        return digestEquals(sha, hash, row.leafHash()) ? INTACT : LEAF_ALTERED;
    }

    /** Finishes {@code sha} into {@code scratch} and compares it with {@code stored}. */
    private static boolean digestEquals(MessageDigest sha, byte[] scratch, byte[] stored) {
        try {
            int n = sha.digest(scratch, 0, scratch.length);
            return stored != null && Arrays.equals(scratch, 0, n, stored, 0, stored.length);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Per hashing thread: room for one SHA-256. */
    private static final ThreadLocal<byte[]> HASH = ThreadLocal.withInitial(() -> new byte[MerkleTree.HASH_LENGTH]);
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(LogVerification::sha256);
    /** Per hashing thread: the leaf prefix 0x00 at index 0, then the leaf being hashed. */
    private static final ThreadLocal<byte[][]> LEAF_BUFFER = ThreadLocal.withInitial(() -> new byte[][] { new byte[1024] });

    private static byte[] leafBuffer(int size) {
        byte[][] holder = LEAF_BUFFER.get();
        if (holder[0].length < size) {
            holder[0] = new byte[Math.max(size, 2 * holder[0].length)]; // index 0 stays 0x00
        }
        return holder[0];
    }

    /** Reads the whole log in seq order on a thread of its own, handing batches over through a short queue. */
    private static final class RowReader implements AutoCloseable {
        private static final int BATCH = 2_000;
        private static final List<Entries.RawRow> END = List.of();

        private final BlockingQueue<List<Entries.RawRow>> queue = new ArrayBlockingQueue<>(4);
        private final Thread thread;
        private volatile RuntimeException failure;
        private volatile boolean closed;

        RowReader(Entries entries) {
            thread = new Thread(() -> {
                List<List<Entries.RawRow>> current = new ArrayList<>(List.of(new ArrayList<>(BATCH)));
                try {
                    entries.streamRaw(0, row -> {
                        current.get(0).add(row);
                        if (current.get(0).size() == BATCH) {
                            put(current.get(0));
                            current.set(0, new ArrayList<>(BATCH));
                        }
                    });
                    if (!current.get(0).isEmpty()) {
                        put(current.get(0));
                    }
                } catch (RuntimeException e) {
                    failure = e;
                } finally {
                    putEnd();
                }
            }, "log-verification-reader");
            thread.setDaemon(true);
            thread.start();
        }

        private void put(List<Entries.RawRow> batch) {
            try {
                while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    if (closed) {
                        throw new CancellationException("verification stopped");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("verification interrupted");
            }
        }

        private void putEnd() {
            try {
                while (!closed && !queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
                    // the verifier is still taking batches
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The next batch, or null at the end; rethrows the reader's failure. */
        List<Entries.RawRow> next() {
            try {
                List<Entries.RawRow> batch = queue.take();
                if (batch == END) {
                    if (failure != null) {
                        throw failure;
                    }
                    return null;
                }
                return batch;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("verification interrupted", e);
            }
        }

        @Override
        public void close() {
            closed = true;
            queue.clear();
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
