package org.sunbid.signing.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sunbid.signing.internal.Json;

/**
 * An RFC 9162 §2.1.4 consistency proof: that the tree of {@code firstSize} leaves with root {@code firstRoot} is a
 * prefix of the tree of {@code secondSize} leaves with root {@code secondRoot}. Carries both roots so it can be
 * checked offline; compare them with trusted tree heads via {@link #verify(TreeHead, TreeHead)}.
 */
public record ConsistencyProof(long firstSize, long secondSize, byte[] firstRoot, byte[] secondRoot, List<byte[]> path) {

    public ConsistencyProof {
        if (firstSize < 0 || firstSize > secondSize) {
            throw new IllegalArgumentException("first size " + firstSize + " outside 0.." + secondSize);
        }
        firstRoot = InclusionProof.checkHash(firstRoot, "firstRoot");
        secondRoot = InclusionProof.checkHash(secondRoot, "secondRoot");
        if (path == null || path.size() > InclusionProof.MAX_PATH * 2) {
            throw new IllegalArgumentException("path is too long");
        }
        List<byte[]> copy = new ArrayList<>(path.size());
        for (byte[] p : path) {
            copy.add(InclusionProof.checkHash(p, "path element"));
        }
        path = List.copyOf(copy);
    }

    @Override
    public byte[] firstRoot() {
        return firstRoot.clone();
    }

    @Override
    public byte[] secondRoot() {
        return secondRoot.clone();
    }

    @Override
    public List<byte[]> path() {
        return path.stream().map(byte[]::clone).toList();
    }

    public TreeHead firstHead() {
        return new TreeHead(firstSize, firstRoot);
    }

    public TreeHead secondHead() {
        return new TreeHead(secondSize, secondRoot);
    }

    /** Builds the proof between the trees of the first {@code firstSize} and {@code secondSize} leaves of {@code source}. */
    public static ConsistencyProof generate(LeafSource source, long firstSize, long secondSize) {
        MerkleTree.checkSize(source, secondSize);
        if (firstSize < 0 || firstSize > secondSize) {
            throw new IllegalArgumentException("first size " + firstSize + " outside 0.." + secondSize);
        }
        List<byte[]> path = new ArrayList<>();
        if (firstSize > 0 && firstSize < secondSize) {
            subproof(source, firstSize, 0, secondSize, true, path);
        }
        return new ConsistencyProof(firstSize, secondSize, MerkleTree.root(source, firstSize),
                MerkleTree.root(source, secondSize), path);
    }

    /** SUBPROOF(m, D[start:end], b) of RFC 9162 §2.1.4.1. */
    private static void subproof(LeafSource source, long m, long start, long end, boolean complete, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!complete) {
                out.add(MerkleTree.hash(source, start, end));
            }
            return;
        }
        long k = MerkleTree.largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(source, m, start, start + k, complete, out);
            out.add(MerkleTree.hash(source, start + k, end));
        } else {
            subproof(source, m - k, start + k, end, false, out);
            out.add(MerkleTree.hash(source, start, start + k));
        }
    }

    /** True when the path proves that this proof's first tree is a prefix of its second tree (RFC 9162 §2.1.4.2). */
    public boolean verify() {
        if (firstSize == secondSize) {
            return path.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (firstSize == 0) {
            return path.isEmpty() && MessageDigest.isEqual(firstRoot, MerkleTree.emptyRoot());
        }
        if (path.isEmpty()) {
            return false;
        }
        List<byte[]> p = new ArrayList<>(path.size() + 1);
        if (Long.bitCount(firstSize) == 1) {
            p.add(firstRoot);
        }
        p.addAll(path);
        long fn = firstSize - 1;
        long sn = secondSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = p.get(0);
        byte[] sr = p.get(0);
        for (int i = 1; i < p.size(); i++) {
            byte[] c = p.get(i);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleTree.nodeHash(c, fr);
                sr = MerkleTree.nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = MerkleTree.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    /** True when the proof is valid and links exactly these two trusted tree heads. */
    public boolean verify(TreeHead first, TreeHead second) {
        return first != null && second != null
                && first.size() == firstSize && second.size() == secondSize
                && MessageDigest.isEqual(first.rootHash(), firstRoot)
                && MessageDigest.isEqual(second.rootHash(), secondRoot)
                && verify();
    }

    /** {@code {"type":"consistency","firstSize":…,"secondSize":…,"firstRoot":hex,"secondRoot":hex,"path":[hex…]}} */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "consistency");
        m.put("firstSize", firstSize);
        m.put("secondSize", secondSize);
        m.put("firstRoot", Hex.encode(firstRoot));
        m.put("secondRoot", Hex.encode(secondRoot));
        m.put("path", path.stream().map(Hex::encode).toList());
        return Json.write(m);
    }

    /** Parses {@link #toJson()} output; throws {@link ProofFormatException} naming what is wrong. */
    public static ConsistencyProof fromJson(String json) {
        try {
            Map<String, Object> m = Json.readObject(json);
            if (!"consistency".equals(m.get("type"))) {
                throw new ProofFormatException("'type' must be \"consistency\"");
            }
            List<byte[]> path = InclusionProof.parsePath(m);
            return new ConsistencyProof(Json.number(m, "firstSize"), Json.number(m, "secondSize"),
                    Hex.decodeHash(Json.string(m, "firstRoot"), "firstRoot"),
                    Hex.decodeHash(Json.string(m, "secondRoot"), "secondRoot"), path);
        } catch (Json.JsonException | IllegalArgumentException e) {
            throw new ProofFormatException(e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsistencyProof p && p.firstSize == firstSize && p.secondSize == secondSize
                && Arrays.equals(p.firstRoot, firstRoot) && Arrays.equals(p.secondRoot, secondRoot)
                && InclusionProof.samePath(p.path, path);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(firstSize) * 31 + Long.hashCode(secondSize) * 17 + Arrays.hashCode(secondRoot);
    }

    @Override
    public String toString() {
        return "ConsistencyProof[" + firstSize + " -> " + secondSize + ", path=" + path.size() + "]";
    }
}
