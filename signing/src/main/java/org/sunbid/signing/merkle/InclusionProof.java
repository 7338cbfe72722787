package org.sunbid.signing.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sunbid.signing.internal.Json;

/**
 * An RFC 9162 §2.1.3 inclusion proof: that the leaf with hash {@code leafHash} sits at {@code leafIndex} in the tree
 * of {@code treeSize} leaves whose root is {@code rootHash}. The proof carries the leaf hash and root it was made for,
 * so it can be checked offline; a verifier compares them with what it trusts via {@link #verify(byte[], TreeHead)}.
 */
public record InclusionProof(long leafIndex, long treeSize, byte[] leafHash, byte[] rootHash, List<byte[]> path) {

    /** More path elements than any tree of 2^63 leaves needs. */
    static final int MAX_PATH = 64;

    public InclusionProof {
        if (treeSize < 1 || leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf index " + leafIndex + " outside tree of size " + treeSize);
        }
        leafHash = checkHash(leafHash, "leafHash");
        rootHash = checkHash(rootHash, "rootHash");
        if (path == null || path.size() > MAX_PATH) {
            throw new IllegalArgumentException("path must have at most " + MAX_PATH + " elements");
        }
        List<byte[]> copy = new ArrayList<>(path.size());
        for (byte[] p : path) {
            copy.add(checkHash(p, "path element"));
        }
        path = List.copyOf(copy);
    }

    static byte[] checkHash(byte[] hash, String what) {
        if (hash == null || hash.length != MerkleTree.HASH_LENGTH) {
            throw new IllegalArgumentException(what + " must be 32 bytes");
        }
        return hash.clone();
    }

    @Override
    public byte[] leafHash() {
        return leafHash.clone();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public List<byte[]> path() {
        return path.stream().map(byte[]::clone).toList();
    }

    /** The tree head this proof claims. */
    public TreeHead treeHead() {
        return new TreeHead(treeSize, rootHash);
    }

    /** Builds the proof for leaf {@code leafIndex} in the tree made of the first {@code treeSize} leaves of {@code source}. */
    public static InclusionProof generate(LeafSource source, long leafIndex, long treeSize) {
        MerkleTree.checkSize(source, treeSize);
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf index " + leafIndex + " outside tree of size " + treeSize);
        }
        List<byte[]> path = new ArrayList<>();
        path(source, leafIndex, 0, treeSize, path);
        return new InclusionProof(leafIndex, treeSize, source.leafHash(leafIndex), MerkleTree.root(source, treeSize), path);
    }

    /** Builds the proof for leaf {@code leafIndex} in the whole tree of {@code source}. */
    public static InclusionProof generate(LeafSource source, long leafIndex) {
        return generate(source, leafIndex, source.size());
    }

    /** PATH(m, D[start:end]) of RFC 9162 §2.1.3.1, appended to {@code out}, deepest element first. */
    private static void path(LeafSource source, long m, long start, long end, List<byte[]> out) {
        long n = end - start;
        if (n <= 1) {
            return;
        }
        long k = MerkleTree.largestPowerOfTwoBelow(n);
        if (m < k) {
            path(source, m, start, start + k, out);
            out.add(MerkleTree.hash(source, start + k, end));
        } else {
            path(source, m - k, start + k, end, out);
            out.add(MerkleTree.hash(source, start, start + k));
        }
    }

    /** True when the path leads from this proof's leaf hash to this proof's root (RFC 9162 §2.1.3.2). */
    public boolean verify() {
        byte[] computed = computeRoot();
        return computed != null && MessageDigest.isEqual(computed, rootHash);
    }

    /** True when the proof is valid and was made for exactly this leaf hash and this trusted tree head. */
    public boolean verify(byte[] expectedLeafHash, TreeHead trusted) {
        return expectedLeafHash != null && trusted != null
                && MessageDigest.isEqual(expectedLeafHash, leafHash)
                && trusted.size() == treeSize
                && MessageDigest.isEqual(trusted.rootHash(), rootHash)
                && verify();
    }

    /** The root the path leads to from the leaf hash, or null when the path has the wrong shape for the tree size. */
    private byte[] computeRoot() {
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleTree.nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = MerkleTree.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }

    /** {@code {"type":"inclusion","leafIndex":…,"treeSize":…,"leafHash":hex,"rootHash":hex,"path":[hex…]}} */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "inclusion");
        m.put("leafIndex", leafIndex);
        m.put("treeSize", treeSize);
        m.put("leafHash", Hex.encode(leafHash));
        m.put("rootHash", Hex.encode(rootHash));
        m.put("path", path.stream().map(Hex::encode).toList());
        return Json.write(m);
    }

    /** Parses {@link #toJson()} output; throws {@link ProofFormatException} naming what is wrong. */
    public static InclusionProof fromJson(String json) {
        try {
            Map<String, Object> m = Json.readObject(json);
            if (!"inclusion".equals(m.get("type"))) {
                throw new ProofFormatException("'type' must be \"inclusion\"");
            }
            return new InclusionProof(Json.number(m, "leafIndex"), Json.number(m, "treeSize"),
                    Hex.decodeHash(Json.string(m, "leafHash"), "leafHash"),
                    Hex.decodeHash(Json.string(m, "rootHash"), "rootHash"), parsePath(m));
        } catch (Json.JsonException | IllegalArgumentException e) {
            throw new ProofFormatException(e.getMessage());
        }
    }

    static List<byte[]> parsePath(Map<String, Object> m) {
        List<Object> raw = Json.array(m, "path");
        if (raw.size() > MAX_PATH * 2) {
            throw new ProofFormatException("'path' is too long");
        }
        List<byte[]> path = new ArrayList<>(raw.size());
        for (Object o : raw) {
            if (!(o instanceof String s)) {
                throw new ProofFormatException("'path' elements must be hex strings");
            }
            path.add(Hex.decodeHash(s, "path"));
        }
        return path;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InclusionProof p && p.leafIndex == leafIndex && p.treeSize == treeSize
                && Arrays.equals(p.leafHash, leafHash) && Arrays.equals(p.rootHash, rootHash) && samePath(p.path, path);
    }

    static boolean samePath(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(leafIndex) * 31 + Long.hashCode(treeSize) * 17 + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return "InclusionProof[leaf=" + leafIndex + ", size=" + treeSize + ", root=" + Hex.encode(rootHash) + ", path="
                + path.size() + "]";
    }
}
