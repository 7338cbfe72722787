package org.sunbid.signing.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MerkleTreeTests {

    private static final HexFormat HEX = HexFormat.of();

    // ------------------------------------------------------------------ a naive model, straight from RFC 9162 §2.1

    static byte[] naiveRoot(List<byte[]> d) {
        if (d.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        if (d.size() == 1) {
            return d.get(0);
        }
        int k = 1;
        while (k * 2 < d.size()) {
            k *= 2;
        }
        return MerkleTree.nodeHash(naiveRoot(d.subList(0, k)), naiveRoot(d.subList(k, d.size())));
    }

    static List<byte[]> naivePath(int m, List<byte[]> d) {
        List<byte[]> out = new ArrayList<>();
        if (d.size() <= 1) {
            return out;
        }
        int k = 1;
        while (k * 2 < d.size()) {
            k *= 2;
        }
        if (m < k) {
            out.addAll(naivePath(m, d.subList(0, k)));
            out.add(naiveRoot(d.subList(k, d.size())));
        } else {
            out.addAll(naivePath(m - k, d.subList(k, d.size())));
            out.add(naiveRoot(d.subList(0, k)));
        }
        return out;
    }

    static List<byte[]> naiveSubproof(int m, List<byte[]> d, boolean b) {
        List<byte[]> out = new ArrayList<>();
        if (m == d.size()) {
            if (!b) {
                out.add(naiveRoot(d));
            }
            return out;
        }
        int k = 1;
        while (k * 2 < d.size()) {
            k *= 2;
        }
        if (m <= k) {
            out.addAll(naiveSubproof(m, d.subList(0, k), b));
            out.add(naiveRoot(d.subList(k, d.size())));
        } else {
            out.addAll(naiveSubproof(m - k, d.subList(k, d.size()), false));
            out.add(naiveRoot(d.subList(0, k)));
        }
        return out;
    }

    static List<byte[]> leaves(Random random, int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] data = new byte[random.nextInt(40)];
            random.nextBytes(data);
            out.add(MerkleTree.leafHash(data));
        }
        return out;
    }

    static AppendOnlyMerkleTree tree(List<byte[]> leafHashes) {
        AppendOnlyMerkleTree tree = new AppendOnlyMerkleTree();
        leafHashes.forEach(tree::appendLeafHash);
        return tree;
    }

    // ------------------------------------------------------------------ known answers

    @Test
    void hashesLeavesAndNodesWithDomainSeparationPrefixes() {
        assertThat(HEX.formatHex(MerkleTree.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        // SHA-256 of the single byte 0x00
        assertThat(HEX.formatHex(MerkleTree.leafHash(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    }

    @Test
    void matchesTheCertificateTransparencyReferenceRootOverEightLeaves() {
        String[] inputs = { "", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                "606162636465666768696a6b6c6d6e6f" };
        List<byte[]> hashes = new ArrayList<>();
        for (String s : inputs) {
            hashes.add(MerkleTree.leafHash(HEX.parseHex(s)));
        }
        assertThat(HEX.formatHex(MerkleTree.root(hashes)))
                .isEqualTo("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    }

    // ------------------------------------------------------------------ properties against the naive model

    @Test
    void rootsAndInclusionProofsMatchTheNaiveModelForEveryLeafOfSmallTrees() {
        Random random = new Random(9162);
        List<byte[]> all = leaves(random, 70);
        AppendOnlyMerkleTree tree = tree(all);
        for (int n = 1; n <= all.size(); n++) {
            List<byte[]> d = all.subList(0, n);
            assertThat(MerkleTree.root(tree, n)).isEqualTo(naiveRoot(d));
            assertThat(MerkleTree.root(d)).isEqualTo(naiveRoot(d));
            for (int m = 0; m < n; m++) {
                InclusionProof proof = InclusionProof.generate(tree, m, n);
                assertThat(proof.path()).containsExactlyElementsOf(naivePath(m, d));
                assertThat(InclusionProof.generate(LeafSource.of(d), m, n)).isEqualTo(proof);
                assertThat(proof.verify(d.get(m), new TreeHead(n, naiveRoot(d)))).isTrue();
            }
        }
    }

    @Test
    void consistencyProofsMatchTheNaiveModelForEveryPairOfSmallTreeSizes() {
        Random random = new Random(6962);
        List<byte[]> all = leaves(random, 50);
        AppendOnlyMerkleTree tree = tree(all);
        for (int n = 1; n <= all.size(); n++) {
            for (int m = 0; m <= n; m++) {
                ConsistencyProof proof = ConsistencyProof.generate(tree, m, n);
                List<byte[]> expected = (m == 0 || m == n) ? List.of() : naiveSubproof(m, all.subList(0, n), true);
                assertThat(proof.path()).containsExactlyElementsOf(expected);
                assertThat(proof.verify(new TreeHead(m, naiveRoot(all.subList(0, m))),
                        new TreeHead(n, naiveRoot(all.subList(0, n))))).isTrue();
            }
        }
    }

    @Test
    void randomProofsOverLargerTreesVerifyAndSurviveAJsonRoundTrip() {
        Random random = new Random(42);
        List<byte[]> all = leaves(random, 5000);
        AppendOnlyMerkleTree tree = tree(all);
        for (int i = 0; i < 300; i++) {
            long n = 1 + random.nextInt(all.size());
            long m = random.nextInt((int) n);
            InclusionProof inclusion = InclusionProof.generate(tree, m, n);
            assertThat(InclusionProof.fromJson(inclusion.toJson())).isEqualTo(inclusion);
            assertThat(InclusionProof.fromJson(inclusion.toJson()).verify()).isTrue();
            long first = random.nextInt((int) n + 1);
            ConsistencyProof consistency = ConsistencyProof.generate(tree, first, n);
            assertThat(ConsistencyProof.fromJson(consistency.toJson())).isEqualTo(consistency);
            assertThat(ConsistencyProof.fromJson(consistency.toJson()).verify()).isTrue();
        }
        assertThat(TreeHead.fromJson(tree.treeHead().toJson())).isEqualTo(tree.treeHead());
    }

    // ------------------------------------------------------------------ proofs that must fail

    @Test
    void rejectsInclusionProofsWithAnyFlippedBitOrWrongIndexOrWrongTree() {
        Random random = new Random(7);
        List<byte[]> all = leaves(random, 37);
        AppendOnlyMerkleTree tree = tree(all);
        for (int n = 2; n <= all.size(); n += 5) {
            for (int m = 0; m < n; m += 3) {
                InclusionProof good = InclusionProof.generate(tree, m, n);
                for (int j = 0; j < good.path().size(); j++) {
                    List<byte[]> path = good.path();
                    path.get(j)[random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
                    assertThat(new InclusionProof(m, n, good.leafHash(), good.rootHash(), path).verify()).isFalse();
                }
                byte[] leaf = good.leafHash();
                leaf[0] ^= 1;
                assertThat(new InclusionProof(m, n, leaf, good.rootHash(), good.path()).verify()).isFalse();
                long otherIndex = (m + 1) % n;
                assertThat(new InclusionProof(otherIndex, n, good.leafHash(), good.rootHash(), good.path()).verify())
                        .isFalse();
                List<byte[]> shorter = new ArrayList<>(good.path());
                shorter.remove(shorter.size() - 1);
                assertThat(new InclusionProof(m, n, good.leafHash(), good.rootHash(), shorter).verify()).isFalse();
                List<byte[]> longer = new ArrayList<>(good.path());
                longer.add(MerkleTree.emptyRoot());
                assertThat(new InclusionProof(m, n, good.leafHash(), good.rootHash(), longer).verify()).isFalse();
                // A valid proof for another tree is refused against this tree's head.
                if (n < all.size()) {
                    assertThat(good.verify(all.get(m), MerkleTree.treeHead(tree, n + 1))).isFalse();
                }
            }
        }
    }

    @Test
    void rejectsConsistencyProofsWithAnyFlippedBitOrSwappedRoots() {
        Random random = new Random(11);
        List<byte[]> all = leaves(random, 33);
        AppendOnlyMerkleTree tree = tree(all);
        for (int n = 2; n <= all.size(); n += 3) {
            for (int m = 1; m < n; m += 2) {
                ConsistencyProof good = ConsistencyProof.generate(tree, m, n);
                for (int j = 0; j < good.path().size(); j++) {
                    List<byte[]> path = good.path();
                    path.get(j)[random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
                    assertThat(new ConsistencyProof(m, n, good.firstRoot(), good.secondRoot(), path).verify()).isFalse();
                }
                assertThat(new ConsistencyProof(m, n, good.secondRoot(), good.firstRoot(), good.path()).verify()).isFalse();
                assertThat(new ConsistencyProof(m, n, good.firstRoot(), good.secondRoot(), List.of()).verify()).isFalse();
                // The same path claimed for different sizes fails.
                if (m + 1 < n) {
                    assertThat(new ConsistencyProof(m + 1, n, good.firstRoot(), good.secondRoot(), good.path()).verify())
                            .isFalse();
                }
            }
        }
        // Equal sizes need equal roots and no path.
        byte[] root = MerkleTree.root(tree, 5);
        assertThat(new ConsistencyProof(5, 5, root, root, List.of()).verify()).isTrue();
        assertThat(new ConsistencyProof(5, 5, root, MerkleTree.root(tree, 6), List.of()).verify()).isFalse();
    }

    @Test
    void namesWhatIsWrongInMalformedProofJson() {
        assertThatThrownBy(() -> InclusionProof.fromJson("{")).isInstanceOf(ProofFormatException.class);
        assertThatThrownBy(() -> InclusionProof.fromJson("{\"type\":\"consistency\"}"))
                .isInstanceOf(ProofFormatException.class).hasMessageContaining("type");
        assertThatThrownBy(() -> InclusionProof.fromJson(
                "{\"type\":\"inclusion\",\"leafIndex\":3,\"treeSize\":2,\"leafHash\":\"" + "00".repeat(32)
                        + "\",\"rootHash\":\"" + "00".repeat(32) + "\",\"path\":[]}"))
                .isInstanceOf(ProofFormatException.class).hasMessageContaining("leaf index");
        assertThatThrownBy(() -> ConsistencyProof.fromJson(
                "{\"type\":\"consistency\",\"firstSize\":1,\"secondSize\":2,\"firstRoot\":\"zz\",\"secondRoot\":\"00\",\"path\":[]}"))
                .isInstanceOf(ProofFormatException.class).hasMessageContaining("firstRoot");
    }

    @Test
    void hashesANodeFromAPackedPairAsFromItsTwoHalves() {
        Random random = new Random(7);
        byte[] pair = new byte[5 + 2 * MerkleTree.HASH_LENGTH];
        random.nextBytes(pair);
        byte[] left = java.util.Arrays.copyOfRange(pair, 5, 5 + MerkleTree.HASH_LENGTH);
        byte[] right = java.util.Arrays.copyOfRange(pair, 5 + MerkleTree.HASH_LENGTH, pair.length);
        byte[] out = new byte[3 + MerkleTree.HASH_LENGTH];

        MerkleTree.nodeHash(pair, 5, out, 3);

        assertThat(java.util.Arrays.copyOfRange(out, 3, out.length)).isEqualTo(MerkleTree.nodeHash(left, right));
        assertThat(out[0]).isZero();
        assertThatThrownBy(() -> MerkleTree.nodeHash(pair, 6, out, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aRefusedCallLeavesTheNextHashUnchanged() {
        byte[] a = HEX.parseHex("01".repeat(32));
        byte[] b = HEX.parseHex("02".repeat(32));
        byte[] expected = MerkleTree.nodeHash(a, b);
        byte[] expectedLeaf = MerkleTree.leafHash(a);

        assertThatThrownBy(() -> MerkleTree.nodeHash(a, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> MerkleTree.leafHash(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> MerkleTree.nodeHash(a, 40, new byte[32], 0)).isInstanceOf(IndexOutOfBoundsException.class);

        assertThat(MerkleTree.nodeHash(a, b)).isEqualTo(expected);
        assertThat(MerkleTree.leafHash(a)).isEqualTo(expectedLeaf);
    }
}
