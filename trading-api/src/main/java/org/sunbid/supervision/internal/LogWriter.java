package org.sunbid.supervision.internal;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.signing.merkle.MerkleTree;
import org.sunbid.supervision.LogEntry;

/**
 * Appends entries with group commit: request threads only enqueue (microseconds); one writer thread takes whatever
 * has queued up, numbers it, hashes the leaves and inserts the batch in one transaction under a PostgreSQL advisory
 * lock, then extends the in-memory subtree cache. If another node appended meanwhile, the cache catches up from the
 * stored leaf hashes first, so sequence numbers stay dense across nodes. A failed batch is retried, never dropped;
 * entries still queued when the JVM dies abruptly are lost (at most one batch interval).
 */
@Component
public class LogWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LogWriter.class);
    static final int MAX_BATCH = 2_000;

    /** An entry without its sequence number yet; {@code sealed} holds its sealed details, if any. */
    public record Pending(Instant at, String actor, String actorRole, String action, String subject, String details,
            byte[] detailsSha256, String clientIp, String deviceFingerprint, Sealed sealed) {

        public Pending(Instant at, String actor, String actorRole, String action, String subject, String details,
                byte[] detailsSha256, String clientIp, String deviceFingerprint) {
            this(at, actor, actorRole, action, subject, details, detailsSha256, clientIp, deviceFingerprint, null);
        }

        Pending at(Instant when) {
            return new Pending(when, actor, actorRole, action, subject, details, detailsSha256, clientIp,
                    deviceFingerprint, sealed);
        }
    }

    /**
     * The identifying details of an entry, sealed until the opening of {@code lots}: the commitment the leaf carries
     * and the envelope (null when no lot had an opening key yet: then the details are withheld for good).
     */
    public record Sealed(List<java.util.UUID> lots, byte[] commitment, byte[] envelope) {
    }

    private final Entries entries;
    private final TransactionTemplate transactions;
    private final SubtreeCache cache = new SubtreeCache();
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Object progress = new Object();
    private long enqueued;
    private long written;
    private volatile boolean running;
    private final java.util.concurrent.atomic.LongAdder batches = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder batchNanos = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder insertNanos = new java.util.concurrent.atomic.LongAdder();

    /** Counters for monitoring and benchmarks: batches written, entries written, time in batches and in the insert. */
    public record Stats(long batches, long entries, double batchSeconds, double insertSeconds) {
    }

    public Stats stats() {
        synchronized (progress) {
            return new Stats(batches.sum(), written, batchNanos.sum() / 1e9, insertNanos.sum() / 1e9);
        }
    }
    private Thread thread;

    LogWriter(Entries entries, TransactionTemplate transactions) {
        this.entries = entries;
        this.transactions = transactions;
    }

    /** Queues an entry; returns a ticket for {@link #awaitWritten}. */
    public long enqueue(Pending pending) {
        synchronized (progress) {
            queue.add(pending);
            return ++enqueued;
        }
    }

    /** Waits until every entry queued up to {@code ticket} is committed. */
    public boolean awaitWritten(long ticket, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (written < ticket) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Waits until everything queued so far is committed. */
    public boolean flush(Duration timeout) {
        long ticket;
        synchronized (progress) {
            ticket = enqueued;
        }
        return awaitWritten(ticket, timeout);
    }

    /** The tree over the committed entries of this node's view (catching up with other nodes first). */
    public org.sunbid.signing.merkle.LeafSource tree() {
        return cache;
    }

    /** Brings the cache up to what is stored (another node may have appended). */
    public synchronized void catchUp() {
        long have = cache.size();
        entries.leafHashes(have, (seq, hash) -> {
            if (seq != cache.size()) {
                throw new IllegalStateException("supervision log has a gap before seq " + seq);
            }
            cache.append(hash);
        });
    }

    private void runLoop() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                }
                writeBatch(batch);
                synchronized (progress) {
                    written += batch.size();
                    progress.notifyAll();
                }
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (!running) {
                    break;
                }
            } catch (RuntimeException e) {
                log.error("supervision log append failed, retrying the batch of {}: {}", batch.size(), e.toString());
                try {
                    Thread.sleep(500);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    if (!running) {
                        break;
                    }
                }
            }
        }
    }

    private synchronized void writeBatch(List<Pending> batch) {
        long started = System.nanoTime();
        List<LogEntry> numbered = new ArrayList<>(batch.size());
        List<byte[]> hashes = new ArrayList<>(batch.size());
        transactions.executeWithoutResult(status -> {
            numbered.clear();
            hashes.clear();
            entries.lockForAppend();
            long stored = entries.count();
            if (stored != cache.size()) {
                catchUp();
            }
            long seq = cache.size();
            for (Pending p : batch) {
                LogEntry e = new LogEntry(seq++, p.at(), p.actor(), p.actorRole(), p.action(), p.subject(), p.details(),
                        p.detailsSha256(), p.clientIp(), p.deviceFingerprint());
                numbered.add(e);
                hashes.add(MerkleTree.leafHash(e.leafBytes()));
            }
            long insertStarted = System.nanoTime();
            entries.insert(numbered, hashes);
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i).sealed() != null) {
                    entries.insertSealed(numbered.get(i).seq(), batch.get(i).sealed());
                }
            }
            insertNanos.add(System.nanoTime() - insertStarted);
        });
        for (byte[] h : hashes) {
            cache.append(h);
        }
        batches.increment();
        batchNanos.add(System.nanoTime() - started);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void start() {
        catchUp();
        running = true;
        thread = new Thread(this::runLoop, "supervision-log-writer");
        thread.setDaemon(true);
        thread.start();
        log.info("supervision log open with {} entries", cache.size());
    }

    @Override
    public void stop() {
        flush(Duration.ofSeconds(10));
        running = false;
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                thread.interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Start after the database and Flyway, stop before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
