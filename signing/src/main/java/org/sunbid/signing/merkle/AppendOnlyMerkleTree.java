package org.sunbid.signing.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory append-only Merkle tree that keeps every complete subtree hash, so roots and proofs for any
 * earlier size cost O(log n). Not thread-safe: guard appends externally.
 */
public final class AppendOnlyMerkleTree implements LeafSource {

    /** levels.get(h).get(i) = hash of the complete subtree of height h over leaves [i·2^h, (i+1)·2^h). */
    private final List<List<byte[]>> levels = new ArrayList<>();

    public AppendOnlyMerkleTree() {
        levels.add(new ArrayList<>());
    }

    /** Appends the hash of a leaf (use {@link MerkleTree#leafHash(byte[])}); returns its index. */
    public long appendLeafHash(byte[] leafHash) {
        if (leafHash == null || leafHash.length != MerkleTree.HASH_LENGTH) {
            throw new IllegalArgumentException("leaf hash must be 32 bytes");
        }
        List<byte[]> level = levels.get(0);
        level.add(leafHash.clone());
        long index = level.size() - 1;
        int h = 0;
        while (levels.get(h).size() % 2 == 0) {
            List<byte[]> current = levels.get(h);
            byte[] parent = MerkleTree.nodeHash(current.get(current.size() - 2), current.get(current.size() - 1));
            if (levels.size() == h + 1) {
                levels.add(new ArrayList<>());
            }
            levels.get(h + 1).add(parent);
            h++;
        }
        return index;
    }

    /** Appends a leaf's data; returns its index. */
    public long append(byte[] data) {
        return appendLeafHash(MerkleTree.leafHash(data));
    }

    @Override
    public long size() {
        return levels.get(0).size();
    }

    @Override
    public byte[] leafHash(long index) {
        return levels.get(0).get(Math.toIntExact(index)).clone();
    }

    @Override
    public byte[] completeSubtreeHash(long start, int height) {
        return levels.get(height).get(Math.toIntExact(start >>> height));
    }

    public TreeHead treeHead() {
        return MerkleTree.treeHead(this);
    }

    public InclusionProof inclusionProof(long leafIndex, long treeSize) {
        return InclusionProof.generate(this, leafIndex, treeSize);
    }

    public ConsistencyProof consistencyProof(long firstSize, long secondSize) {
        return ConsistencyProof.generate(this, firstSize, secondSize);
    }
}
