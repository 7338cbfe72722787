package org.sunbid.alert.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** MinHash estimates Jaccard; LSH banding finds alike pairs without comparing all pairs, and few others. */
class MinHashTests {

    final MinHash minHash = new MinHash(16, 8);

    static long[] shingles(List<String> sentences) {
        return Shingles.of(Shingles.normalise(String.join("", sentences)), 5);
    }

    @Test
    void normalisingDropsSpacingAndPunctuationSoExtractionLayoutDoesNotMatter() {
        assertThat(Shingles.normalise("施工 组织\n设计，第 1 章。ABC")).isEqualTo("施工组织设计第1章abc");
    }

    @Test
    void signatureAgreementEstimatesTheExactJaccard() {
        List<String> a = CorpusTexts.sentences(7, 300);
        for (double share : new double[] { 0.05, 0.1, 0.25, 0.5 }) {
            long[] x = shingles(a);
            long[] y = shingles(CorpusTexts.rewrite(a, share, 8));
            double exact = Shingles.jaccard(x, y);
            double estimate = MinHash.estimate(minHash.signature(x), minHash.signature(y));
            assertThat(estimate).as("share %s", share).isCloseTo(exact, org.assertj.core.data.Offset.offset(0.12));
        }
    }

    @Test
    void subtractingTheTemplateLeavesOnlyEachTextsOwnShingles() {
        long[] template = shingles(CorpusTexts.sentences(1, 50));
        long[] own = shingles(CorpusTexts.sentences(2, 50));
        List<String> both = new ArrayList<>(CorpusTexts.sentences(1, 50));
        both.addAll(CorpusTexts.sentences(2, 50));
        long[] residual = Shingles.minus(shingles(both), template);
        assertThat(Shingles.jaccard(residual, own)).isGreaterThan(0.97);
        assertThat(Shingles.jaccard(residual, template)).isLessThan(0.01);
    }

    @Test
    void bandingFindsTheCopiedPairAmongManyIndependentTexts() {
        List<long[]> signatures = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            signatures.add(minHash.signature(shingles(CorpusTexts.sentences(1000 + i, 80))));
        }
        signatures.add(minHash.signature(shingles(CorpusTexts.rewrite(CorpusTexts.sentences(1017, 80), 0.05, 5))));
        List<int[]> candidates = minHash.candidates(signatures);
        assertThat(candidates).anySatisfy(c -> assertThat(c).containsExactly(17, 60));
        // 61 texts make 1,830 pairs; banding hands over the copy and hardly anything else
        assertThat(candidates).hasSizeLessThan(5);
    }

    @Test
    void emptyTextsAreNeverCandidates() {
        List<long[]> signatures = List.of(minHash.signature(new long[0]), minHash.signature(new long[0]));
        assertThat(minHash.candidates(signatures)).isEmpty();
    }
}
