package org.sunbid.supervision.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.sunbid.signing.merkle.LeafSource;
import org.sunbid.signing.merkle.MerkleTree;

/** The packed cache gives the same roots and subtrees as hashing the leaves from a plain list. */
class SubtreeCacheTests {

    @Test
    void givesTheRootOfAPlainListOfLeavesForEverySize() {
        Random random = new Random(11);
        SubtreeCache cache = new SubtreeCache();
        List<byte[]> leaves = new ArrayList<>();
        for (int n = 1; n <= 1_100; n++) {
            byte[] leaf = new byte[MerkleTree.HASH_LENGTH];
            random.nextBytes(leaf);
            leaves.add(leaf);
            cache.append(leaf);

            assertThat(cache.size()).isEqualTo(n);
            assertThat(MerkleTree.root(cache)).isEqualTo(MerkleTree.root(leaves));
        }
        LeafSource plain = LeafSource.of(leaves);
        for (int height = 0; height <= 10; height++) {
            assertThat(cache.completeSubtreeHash(1024, Math.min(height, 6)))
                    .isEqualTo(plain.completeSubtreeHash(1024, Math.min(height, 6)));
            assertThat(cache.completeSubtreeHash(0, height)).isEqualTo(plain.completeSubtreeHash(0, height));
        }
        assertThat(MerkleTree.root(cache, 777)).isEqualTo(MerkleTree.root(leaves.subList(0, 777)));
    }

    @Test
    void comparesAStoredLeafWithoutHandingOutACopy() {
        SubtreeCache cache = new SubtreeCache();
        byte[] leaf = MerkleTree.leafHash(new byte[] { 1 });
        byte[] other = MerkleTree.leafHash(new byte[] { 2 });
        cache.append(leaf);

        assertThat(cache.leafEquals(0, leaf)).isTrue();
        assertThat(cache.leafEquals(0, other)).isFalse();
        assertThatThrownBy(() -> cache.leafEquals(1, leaf)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> cache.append(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}
