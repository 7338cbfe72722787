package org.sunbid.signing.merkle;

import java.util.List;

/**
 * The leaves of a Merkle tree, by index: an in-memory list, an {@link AppendOnlyMerkleTree}, or a database-backed log.
 * Stores that keep hashes of complete subtrees override {@link #completeSubtreeHash} so proofs cost O(log n) reads.
 */
public interface LeafSource {

    /** Number of leaves. */
    long size();

    /** The leaf hash (already {@code SHA-256(0x00 || data)}) at {@code index}, {@code 0 <= index < size()}. */
    byte[] leafHash(long index);

    /**
     * The hash of the complete subtree over leaves {@code [start, start + 2^height)}; {@code start} is a multiple of
     * {@code 2^height}. The default recomputes it from the leaves.
     */
    default byte[] completeSubtreeHash(long start, int height) {
        if (height == 0) {
            return leafHash(start);
        }
        long half = 1L << (height - 1);
        return MerkleTree.nodeHash(completeSubtreeHash(start, height - 1), completeSubtreeHash(start + half, height - 1));
    }

    /** A view over a list of leaf hashes (not copied). */
    static LeafSource of(List<byte[]> leafHashes) {
        return new LeafSource() {
            @Override
            public long size() {
                return leafHashes.size();
            }

            @Override
            public byte[] leafHash(long index) {
                return leafHashes.get(Math.toIntExact(index));
            }
        };
    }
}
