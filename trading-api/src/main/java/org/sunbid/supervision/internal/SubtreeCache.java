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

    /** levels.get(h): hashes of complete subtrees of height h, in order, H bytes each; counts[h] of them. */
    private final List<byte[]> levels = new ArrayList<>();
    private final long[] counts = new long[64];
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    SubtreeCache() {
        levels.add(new byte[H * 1024]);
    }

    /**
     * Appends a leaf hash and every subtree it completes. Each parent is hashed straight from its two children, which
     * lie side by side in their level's array, into its own level's array (no copies, no boxed counts: this runs once
     * per entry when a whole log is verified).
     */
    void append(byte[] leafHash) {
        if (leafHash.length != H) {
            throw new IllegalArgumentException("a leaf hash has " + H + " bytes, not " + leafHash.length);
        }
        lock.writeLock().lock();
        try {
            System.arraycopy(leafHash, 0, room(0), (int) (counts[0] * H), H);
            counts[0]++;
            int h = 0;
            while (counts[h] % 2 == 0) {
                if (levels.size() == h + 1) {
                    levels.add(new byte[H * 16]);
                }
                byte[] parents = room(h + 1);
                MerkleTree.nodeHash(levels.get(h), (int) ((counts[h] - 2) * H), parents, (int) (counts[h + 1] * H));
                counts[h + 1]++;
                h++;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Level {@code h}'s array, grown if needed so that one more hash fits. */
    private byte[] room(int h) {
        long n = counts[h];
        byte[] level = levels.get(h);
        if ((n + 1) * H > level.length) {
            long grown = Math.min((long) level.length * 2, Integer.MAX_VALUE - 8);
            if (grown < (n + 1) * H) {
                throw new IllegalStateException("supervision log too large for the in-memory subtree cache");
            }
            level = Arrays.copyOf(level, (int) grown);
            levels.set(h, level);
        }
        return level;
    }

    /** Whether the leaf hash at {@code index} equals {@code hash} (no copy of the stored one). */
    boolean leafEquals(long index, byte[] hash) {
        lock.readLock().lock();
        try {
            if (index < 0 || index >= counts[0]) {
                throw new IndexOutOfBoundsException("no leaf at " + index);
            }
            int from = (int) (index * H);
            return Arrays.equals(levels.get(0), from, from + H, hash, 0, hash.length);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public long size() {
        lock.readLock().lock();
        try {
            return counts[0];
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
            if (height >= levels.size() || i >= counts[height]) {
                throw new IndexOutOfBoundsException("no complete subtree at " + start + " height " + height);
            }
            int from = (int) (i * H);
            return Arrays.copyOfRange(levels.get(height), from, from + H);
        } finally {
            lock.readLock().unlock();
        }
    }
}
