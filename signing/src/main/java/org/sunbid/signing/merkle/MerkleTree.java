package org.sunbid.signing.merkle;

import java.security.MessageDigest;
import java.util.List;

/**
 * RFC 9162 §2.1.1 hashing: {@code leaf = SHA-256(0x00 || data)}, {@code node = SHA-256(0x01 || left || right)}, and the
 * Merkle tree hash (root) of any number of leaves; the empty tree's root is {@code SHA-256("")}.
 */
public final class MerkleTree {

    public static final int HASH_LENGTH = 32;

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(org.sunbid.signing.DigestAlgorithm.SHA256::newDigest);

    private MerkleTree() {
    }

    // The per-thread digest is always left reset: digest() resets it, and the arguments are checked before the first
    // update, so no call can leave it half-fed. An explicit reset() before each hash was 7 % of a whole log's
    // verification (JFR, 2026-12-03).

    /** {@code SHA-256(0x00 || data)}. */
    public static byte[] leafHash(byte[] data) {
        java.util.Objects.requireNonNull(data, "data");
        MessageDigest d = SHA256.get();
        d.update((byte) 0x00);
        d.update(data);
        return d.digest();
    }

    /** {@code SHA-256(0x01 || left || right)}. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        java.util.Objects.requireNonNull(left, "left");
        java.util.Objects.requireNonNull(right, "right");
        MessageDigest d = SHA256.get();
        d.update((byte) 0x01);
        d.update(left);
        d.update(right);
        return d.digest();
    }

    /**
     * {@code SHA-256(0x01 || left || right)} of two hashes that lie next to each other in {@code pair} from
     * {@code offset} (left, then right), written into {@code out} at {@code outOffset}: for trees kept in packed arrays.
     */
    public static void nodeHash(byte[] pair, int offset, byte[] out, int outOffset) {
        java.util.Objects.checkFromIndexSize(offset, 2 * HASH_LENGTH, pair.length);
        java.util.Objects.checkFromIndexSize(outOffset, HASH_LENGTH, out.length);
        MessageDigest d = SHA256.get();
        d.update((byte) 0x01);
        d.update(pair, offset, 2 * HASH_LENGTH);
        try {
            d.digest(out, outOffset, HASH_LENGTH);
        } catch (java.security.DigestException e) {
            d.reset();
            throw new IllegalStateException(e);
        }
    }

    /** {@code SHA-256("")}, the root of the empty tree. */
    public static byte[] emptyRoot() {
        MessageDigest d = SHA256.get();
        d.reset();
        return d.digest();
    }

    /** The root over the given leaf hashes. */
    public static byte[] root(List<byte[]> leafHashes) {
        return root(LeafSource.of(leafHashes));
    }

    /** The root over all leaves of {@code source}. */
    public static byte[] root(LeafSource source) {
        return root(source, source.size());
    }

    /** The root over the first {@code treeSize} leaves of {@code source}. */
    public static byte[] root(LeafSource source, long treeSize) {
        checkSize(source, treeSize);
        return treeSize == 0 ? emptyRoot() : hash(source, 0, treeSize);
    }

    /** The tree head over the first {@code treeSize} leaves of {@code source}. */
    public static TreeHead treeHead(LeafSource source, long treeSize) {
        return new TreeHead(treeSize, root(source, treeSize));
    }

    /** The tree head over all leaves of {@code source}. */
    public static TreeHead treeHead(LeafSource source) {
        return treeHead(source, source.size());
    }

    /** MTH(D[start:end]) for a non-empty range reached by the RFC 9162 recursion (start aligned to the split). */
    static byte[] hash(LeafSource source, long start, long end) {
        long n = end - start;
        if (Long.bitCount(n) == 1 && start % n == 0) {
            return source.completeSubtreeHash(start, Long.numberOfTrailingZeros(n));
        }
        long k = largestPowerOfTwoBelow(n);
        return nodeHash(hash(source, start, start + k), hash(source, start + k, end));
    }

    /** The largest power of two strictly smaller than {@code n} (n ≥ 2). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    static void checkSize(LeafSource source, long treeSize) {
        if (treeSize < 0 || treeSize > source.size()) {
            throw new IllegalArgumentException("tree size " + treeSize + " outside 0.." + source.size());
        }
    }
}
