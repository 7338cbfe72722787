package org.sunbid.supervision.internal;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.signing.merkle.MerkleTree;
import org.sunbid.supervision.LogEntry;

/**
 * Appends entries with group commit. Entries arrive as rows of the supervision outbox, committed with the act they
 * record ({@link EventRecorder}); one writer thread per node, woken by each commit and every 200 ms, takes whatever
 * rows are committed, numbers them, hashes the leaves, inserts the batch and deletes its outbox rows in one transaction
 * under a PostgreSQL advisory lock, then extends the in-memory subtree cache. Exactly once: a row becomes an entry in
 * the same transaction that deletes it (and {@code outbox_id} is unique), so a crash at any instant leaves each row
 * either still waiting or appended. If another node appended meanwhile, the cache catches up from the stored leaf
 * hashes first, so sequence numbers stay dense across nodes. A failed batch is retried, never dropped.
 * <p>
 * {@link #enqueue} is the former in-memory path ({@code sunbid.supervision.delivery=memory}), kept only as the
 * baseline of the benchmark: entries queued there are lost when the JVM dies abruptly.
 */
@Component
public class LogWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LogWriter.class);
    static final int MAX_BATCH = 2_000;
    /** How often the writer looks for rows without being woken (other nodes' commits, rows left by a crash). */
    static final Duration POLL = Duration.ofMillis(200);

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
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final SubtreeCache cache = new SubtreeCache();
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Object signal = new Object();
    /** Drain passes asked for ({@link #flush}) and completed; a pass completes everything asked before it began. */
    private long passesRequested;
    private long passesCompleted;
    private boolean nudged;
    private volatile boolean running;
    private final LongAdder written = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder batchNanos = new LongAdder();
    private final LongAdder insertNanos = new LongAdder();
    private Thread thread;

    /** Counters for monitoring and benchmarks: batches written, entries written, time in batches and in the insert. */
    public record Stats(long batches, long entries, double batchSeconds, double insertSeconds) {
    }

    public Stats stats() {
        return new Stats(batches.sum(), written.sum(), batchNanos.sum() / 1e9, insertNanos.sum() / 1e9);
    }

    LogWriter(Entries entries, Outbox outbox, TransactionTemplate transactions) {
        this.entries = entries;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    /** The in-memory path (benchmark baseline only): queues an entry that is lost if the JVM dies before its batch. */
    public void enqueue(Pending pending) {
        queue.add(pending);
        nudge();
    }

    /** Wakes the writer: outbox rows were committed. */
    public void nudge() {
        synchronized (signal) {
            nudged = true;
            signal.notifyAll();
        }
    }

    /**
     * Waits until everything committed (or queued) before this call is in the log: asks for a drain pass and waits
     * for it. Rows of a transaction still open, the caller's own included, are not waited for.
     */
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (signal) {
            long ticket = ++passesRequested;
            nudged = true;
            signal.notifyAll();
            while (passesCompleted < ticket) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !running) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(signal, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Rows committed but not yet appended (all nodes). */
    public long pending() {
        return outbox.pending() + queue.size();
    }

    /** The tree over the committed entries of this node's view (catching up with other nodes first). */
    public org.sunbid.signing.merkle.LeafSource tree() {
        return cache;
    }

    /** The same tree, for the verification's comparisons without copies. */
    SubtreeCache cache() {
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
        while (running) {
            long pass;
            synchronized (signal) {
                if (!nudged) {
                    try {
                        signal.wait(POLL.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                nudged = false;
                pass = passesRequested;
            }
            try {
                drain();
                synchronized (signal) {
                    passesCompleted = Math.max(passesCompleted, pass);
                    signal.notifyAll();
                }
            } catch (RuntimeException e) {
                log.error("supervision log append failed, retrying: {}", e.toString());
                try {
                    Thread.sleep(500);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Appends everything committed up to now (the outbox up to its current highest id, and the memory queue). */
    void drain() {
        int fromMemory = queue.size();
        Long horizon = outbox.horizon();
        while (fromMemory > 0 || horizon != null) {
            List<Pending> memory = new ArrayList<>(Math.min(fromMemory, MAX_BATCH));
            queue.drainTo(memory, Math.min(fromMemory, MAX_BATCH));
            fromMemory -= memory.size();
            int limit = MAX_BATCH - memory.size();
            int taken = writeBatch(memory, horizon, limit);
            if (horizon != null && taken < limit) {
                horizon = null;
            }
            if (memory.isEmpty() && taken == 0) {
                return;
            }
        }
    }

    private synchronized int writeBatch(List<Pending> memory, Long horizon, int limit) {
        long started = System.nanoTime();
        List<byte[]> hashes = new ArrayList<>();
        Integer taken = transactions.execute(status -> {
            hashes.clear();
            entries.lockForAppend();
            List<Outbox.Row> rows = horizon == null || limit == 0 ? List.of() : outbox.take(horizon, limit);
            if (rows.isEmpty() && memory.isEmpty()) {
                return 0;
            }
            if (entries.count() != cache.size()) {
                catchUp();
            }
            List<Pending> batch = new ArrayList<>(rows.size() + memory.size());
            List<Long> ids = new ArrayList<>(batch.size());
            for (Outbox.Row row : rows) {
                batch.add(row.entry());
                ids.add(row.id());
            }
            for (Pending p : memory) {
                batch.add(p);
                ids.add(null);
            }
            List<LogEntry> numbered = new ArrayList<>(batch.size());
            long seq = cache.size();
            for (Pending p : batch) {
                LogEntry e = new LogEntry(seq++, p.at(), p.actor(), p.actorRole(), p.action(), p.subject(), p.details(),
                        p.detailsSha256(), p.clientIp(), p.deviceFingerprint());
                numbered.add(e);
                hashes.add(MerkleTree.leafHash(e.leafBytes()));
            }
            long insertStarted = System.nanoTime();
            entries.insert(numbered, hashes, ids);
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i).sealed() != null) {
                    entries.insertSealed(numbered.get(i).seq(), batch.get(i).sealed());
                }
            }
            if (!rows.isEmpty()) {
                outbox.delete(ids.subList(0, rows.size()));
            }
            insertNanos.add(System.nanoTime() - insertStarted);
            return rows.size();
        });
        if (hashes.isEmpty()) {
            return 0;
        }
        for (byte[] h : hashes) {
            cache.append(h);
        }
        written.add(hashes.size());
        batches.increment();
        batchNanos.add(System.nanoTime() - started);
        return taken == null ? 0 : taken;
    }

    /** SHA-256 of {@code data}, with a digest kept per thread (looking one up for each entry cost a provider search). */
    static byte[] sha256(byte[] data) {
        return SHA256.get().digest(data);
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    @Override
    public void start() {
        catchUp();
        running = true;
        thread = new Thread(this::runLoop, "supervision-log-writer");
        thread.setDaemon(true);
        thread.start();
        log.info("supervision log open with {} entries, {} waiting in the outbox", cache.size(), outbox.pending());
    }

    @Override
    public void stop() {
        flush(Duration.ofSeconds(10));
        running = false;
        nudge();
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
