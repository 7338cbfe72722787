package org.sunbid.supervision.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.sunbid.signing.merkle.LeafSource;
import org.sunbid.signing.merkle.MerkleTree;

/**
 * The log's leaf hashes and every complete-subtree hash, packed in growable byte arrays (about 64 bytes per leaf),
 * so roots and proofs for any size cost O(log n) and an append costs amortised two hashes. Rebuilt at start from the
 * stored leaf hashes; thread-safe (many readers, one appender).
 */
final class SubtreeCache implements LeafSource {

    private static final int H = MerkleTree.HASH_LENGTH;

    /** levels.get(h): hashes of complete subtrees of height h, in order, H bytes each. */
    private final List<byte[]> levels = new ArrayList<>();
    private final List<Long> counts = new ArrayList<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    SubtreeCache() {
        levels.add(new byte[H * 1024]);
        counts.add(0L);
    }

    void append(byte[] leafHash) {
        lock.writeLock().lock();
        try {
            put(0, leafHash);
            int h = 0;
            while (counts.get(h) % 2 == 0) {
                long n = counts.get(h);
                byte[] level = levels.get(h);
                byte[] left = Arrays.copyOfRange(level, (int) ((n - 2) * H), (int) ((n - 1) * H));
                byte[] right = Arrays.copyOfRange(level, (int) ((n - 1) * H), (int) (n * H));
                if (levels.size() == h + 1) {
                    levels.add(new byte[H * 16]);
                    counts.add(0L);
                }
                put(h + 1, MerkleTree.nodeHash(left, right));
                h++;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void put(int h, byte[] hash) {
        long n = counts.get(h);
        byte[] level = levels.get(h);
        if ((n + 1) * H > level.length) {
            long grown = Math.min((long) level.length * 2, Integer.MAX_VALUE - 8);
            if (grown < (n + 1) * H) {
                throw new IllegalStateException("supervision log too large for the in-memory subtree cache");
            }
            level = Arrays.copyOf(level, (int) grown);
            levels.set(h, level);
        }
        System.arraycopy(hash, 0, level, (int) (n * H), H);
        counts.set(h, n + 1);
    }

    @Override
    public long size() {
        lock.readLock().lock();
        try {
            return counts.get(0);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public byte[] leafHash(long index) {
        return completeSubtreeHash(index, 0);
    }

    @Override
    public byte[] completeSubtreeHash(long start, int height) {
        lock.readLock().lock();
        try {
            long i = start >>> height;
            if (height >= levels.size() || i >= counts.get(height)) {
                throw new IndexOutOfBoundsException("no complete subtree at " + start + " height " + height);
            }
            int from = (int) (i * H);
            return Arrays.copyOfRange(levels.get(height), from, from + H);
        } finally {
            lock.readLock().unlock();
        }
    }
}
