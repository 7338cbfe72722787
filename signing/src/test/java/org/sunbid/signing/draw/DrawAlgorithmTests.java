package org.sunbid.signing.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The draw algorithm against vectors computed by an independent implementation (scripts/expert-draw-replay.py,
 * Python standard library only), and its properties: no repeats, groups never share an expert, refusal drawing nothing.
 */
class DrawAlgorithmTests {

    static final String LOT = "11111111-2222-3333-4444-555555555555";

    static byte[] secret() {
        byte[] s = new byte[32];
        for (int i = 0; i < 32; i++) {
            s[i] = (byte) i;
        }
        return s;
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> bids() throws Exception {
        return List.of(sha256("bid-1"), sha256("bid-2"), sha256("bid-3"));
    }

    static List<DrawAlgorithm.Candidate> pool() {
        List<DrawAlgorithm.Candidate> pool = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            pool.add(new DrawAlgorithm.Candidate("e%02d".formatted(i), List.of(i % 3 == 0 ? "C0103" : "B0201"), "530101"));
        }
        return pool;
    }

    @Test
    void commitmentSeedAndStreamMatchTheIndependentImplementation() throws Exception {
        assertThat(DrawAlgorithm.commitment(secret()))
                .isEqualTo("630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd");
        byte[] seed = DrawAlgorithm.seed(secret(), bids(), LOT, 0);
        assertThat(HexFormat.of().formatHex(seed))
                .isEqualTo("c67e6eb134804ac2b76770cc9f7229b169e8a3199e9176853be3ad9fcbca394f");
        assertThat(HexFormat.of().formatHex(DrawAlgorithm.seed(secret(), bids(), LOT, 1)))
                .isEqualTo("a1e62c20529383465c1f78824889d78c7689a60f0b0948e641a7fe2dbc00fb5f");
        DrawAlgorithm.SeededStream stream = new DrawAlgorithm.SeededStream(seed);
        assertThat(List.of(stream.below(10), stream.below(7), stream.below(1000), stream.below(3), stream.below(100_000)))
                .containsExactly(5, 6, 482, 1, 43908);
    }

    @Test
    void groupsAreDrawnInPlanOrderFromOneStreamAsTheIndependentImplementationDoes() throws Exception {
        byte[] seed = DrawAlgorithm.seed(secret(), bids(), LOT, 0);
        DrawAlgorithm.Outcome outcome = DrawAlgorithm.draw(seed,
                List.of(new DrawAlgorithm.Group("B02", null, 3, 1), new DrawAlgorithm.Group("C01", "53", 2, 1)), pool(),
                Set.of("e01", "e04"));
        assertThat(outcome.members()).containsExactly(new DrawAlgorithm.Pick(0, "e14"), new DrawAlgorithm.Pick(0, "e02"),
                new DrawAlgorithm.Pick(0, "e11"), new DrawAlgorithm.Pick(1, "e15"), new DrawAlgorithm.Pick(1, "e03"));
        assertThat(outcome.reserves()).containsExactly(new DrawAlgorithm.Pick(0, "e07"), new DrawAlgorithm.Pick(1, "e06"));
    }

    @Test
    void aPreferredRegionIsDrawnFirstAndTheOthersOnlyFillWhatItCannot() throws Exception {
        List<DrawAlgorithm.Candidate> pool = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            pool.add(new DrawAlgorithm.Candidate("e%02d".formatted(i), List.of("B0201"), i < 4 ? "530101" : "330106"));
        }
        Set<String> local = Set.of("e00", "e01", "e02", "e03");
        for (int s = 0; s < 50; s++) {
            byte[] seed = DrawAlgorithm.seed(secret(), bids(), LOT, s);
            // 4 preferred for 3 members + 2 reserves: the members all local, then the fourth local, then one other
            DrawAlgorithm.Outcome outcome = DrawAlgorithm.draw(seed, List.of(new DrawAlgorithm.Group("B02", null, 3, 2, "53")),
                    pool, Set.of());
            assertThat(outcome.members()).extracting(DrawAlgorithm.Pick::expert).allMatch(local::contains);
            assertThat(local).contains(outcome.reserves().get(0).expert());
            assertThat(local).doesNotContain(outcome.reserves().get(1).expert());
            // one local expert excluded: only three preferred, the group fills its last member elsewhere
            DrawAlgorithm.Outcome shorter = DrawAlgorithm.draw(seed,
                    List.of(new DrawAlgorithm.Group("B02", null, 4, 0, "53")), pool, Set.of("e02"));
            assertThat(shorter.members().subList(0, 3)).extracting(DrawAlgorithm.Pick::expert)
                    .containsExactlyInAnyOrder("e00", "e01", "e03");
            assertThat(local).doesNotContain(shorter.members().get(3).expert());
        }
        // a preference every eligible expert meets draws exactly what no preference draws (same stream use)
        byte[] seed = DrawAlgorithm.seed(secret(), bids(), LOT, 0);
        assertThat(DrawAlgorithm.draw(seed, List.of(new DrawAlgorithm.Group("B02", null, 3, 1, "53")), pool(), Set.of()))
                .isEqualTo(DrawAlgorithm.draw(seed, List.of(new DrawAlgorithm.Group("B02", null, 3, 1)), pool(), Set.of()));
        assertThatThrownBy(() -> new DrawAlgorithm.Group("B02", null, 1, 0, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSampleNeverRepeatsAndEverySeedGivesItsOwnOrder() {
        Set<String> orders = new HashSet<>();
        for (int s = 0; s < 200; s++) {
            byte[] seed = new byte[32];
            seed[0] = (byte) s;
            seed[1] = (byte) (s >> 8);
            int[] sample = DrawAlgorithm.sample(new DrawAlgorithm.SeededStream(seed), 50, 50);
            assertThat(sample).doesNotHaveDuplicates().hasSize(50);
            orders.add(java.util.Arrays.toString(java.util.Arrays.copyOf(sample, 5)));
        }
        assertThat(orders).hasSizeGreaterThan(195);
    }

    @Test
    void smallBoundsAreUniformWithinChanceRejectingTheBiasedTail() {
        DrawAlgorithm.SeededStream stream = new DrawAlgorithm.SeededStream(new byte[32]);
        int[] counts = new int[3];
        int n = 30_000;
        for (int i = 0; i < n; i++) {
            counts[stream.below(3)]++;
        }
        double chi = 0;
        for (int c : counts) {
            chi += Math.pow(c - n / 3.0, 2) / (n / 3.0);
        }
        assertThat(chi).as("chi-square with 2 degrees of freedom").isLessThan(13.8); // p = 0.001
    }

    @Test
    void aGroupWithTooFewEligibleExpertsRefusesWithTheCountsAndAnEarlierGroupsPicksAreNotEligibleAgain() {
        List<DrawAlgorithm.Candidate> pool = List.of(new DrawAlgorithm.Candidate("a", List.of("B0201", "C0103"), "530101"),
                new DrawAlgorithm.Candidate("b", List.of("B0201"), "530101"),
                new DrawAlgorithm.Candidate("c", List.of("C0103"), "530101"));
        assertThatThrownBy(() -> DrawAlgorithm.draw(new byte[32], List.of(new DrawAlgorithm.Group("B02", null, 2, 0),
                new DrawAlgorithm.Group("C01", null, 2, 0)), pool, Set.of()))
                .isInstanceOfSatisfying(DrawAlgorithm.PoolTooSmallException.class, e -> {
                    assertThat(e.group).isEqualTo(1);
                    assertThat(e.eligible).isEqualTo(1);
                    assertThat(e.needed).isEqualTo(2);
                });
        assertThatThrownBy(() -> DrawAlgorithm.draw(new byte[32], List.of(new DrawAlgorithm.Group("B02", "44", 1, 0)),
                pool, Set.of())).isInstanceOf(DrawAlgorithm.PoolTooSmallException.class);
    }

    @Test
    void malformedInputsAreRefused() {
        assertThatThrownBy(() -> DrawAlgorithm.commitment(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DrawAlgorithm.seed(secret(), List.of("abcd"), LOT, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DrawAlgorithm.seed(secret(), List.of("zz"), LOT, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DrawAlgorithm.SeededStream(new byte[32]).below(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
