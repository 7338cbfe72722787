package org.sunbid.signing.merkle;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.sunbid.signing.internal.Json;

/** The size of a Merkle tree and its root hash (RFC 9162 tree head, without signature). */
public record TreeHead(long size, byte[] rootHash) {

    public TreeHead {
        if (size < 0) {
            throw new IllegalArgumentException("tree size must not be negative");
        }
        if (rootHash == null || rootHash.length != MerkleTree.HASH_LENGTH) {
            throw new IllegalArgumentException("root hash must be 32 bytes");
        }
        rootHash = rootHash.clone();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** Lower-case hex of the root hash. */
    public String rootHex() {
        return Hex.encode(rootHash);
    }

    /** {@code {"treeSize":N,"rootHash":"hex"}} */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("treeSize", size);
        m.put("rootHash", Hex.encode(rootHash));
        return Json.write(m);
    }

    public static TreeHead fromJson(String json) {
        try {
            Map<String, Object> m = Json.readObject(json);
            return new TreeHead(Json.number(m, "treeSize"), Hex.decodeHash(Json.string(m, "rootHash"), "rootHash"));
        } catch (Json.JsonException | IllegalArgumentException e) {
            throw new ProofFormatException(e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeHead t && t.size == size && Arrays.equals(t.rootHash, rootHash);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size) * 31 + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return "TreeHead[size=" + size + ", root=" + rootHex() + "]";
    }
}
