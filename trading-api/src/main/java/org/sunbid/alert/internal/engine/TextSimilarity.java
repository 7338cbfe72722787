package org.sunbid.alert.internal.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Abnormally alike texts: each text's shingles minus the tender documents' own (the template every bidder fills),
 * MinHash signatures, LSH candidates, then the exact Jaccard of the candidates' remaining shingles against the
 * threshold, with the longest shared sentences that are not the tender's as the passages shown.
 */
public final class TextSimilarity {

    /** A pair of texts found alike. */
    public record AlikePair(int first, int second, double jaccard, List<String> passages) {
    }

    private static final int MAX_PASSAGES = 5;
    private static final int MIN_PASSAGE = 12;

    private final Thresholds thresholds;
    private final MinHash minHash;

    public TextSimilarity(Thresholds thresholds) {
        this.thresholds = thresholds;
        this.minHash = new MinHash(thresholds.minHashBands(), thresholds.minHashRows());
    }

    public List<AlikePair> alike(List<String> texts, String tenderText) {
        int k = thresholds.shingleLength();
        long[] template = Shingles.of(Shingles.normalise(tenderText), k);
        // each text's shingles and signature are independent: computed on every core
        List<long[]> own = IntStream.range(0, texts.size()).parallel().mapToObj(i -> {
            long[] residual = Shingles.minus(Shingles.of(Shingles.normalise(texts.get(i)), k), template);
            return residual.length < thresholds.minimumDistinctShingles() ? new long[0] : residual;
        }).toList();
        List<long[]> signatures = own.parallelStream().map(minHash::signature).toList();
        Set<String> tenderSentences = sentences(tenderText);
        List<AlikePair> pairs = new ArrayList<>(minHash.candidates(signatures).parallelStream().map(c -> {
            double j = Shingles.jaccard(own.get(c[0]), own.get(c[1]));
            return j < thresholds.textJaccard() ? null : new AlikePair(c[0], c[1], Math.round(j * 1000) / 1000.0,
                    passages(texts.get(c[0]), texts.get(c[1]), tenderSentences));
        }).filter(java.util.Objects::nonNull).toList());
        pairs.sort(Comparator.comparingInt(AlikePair::first).thenComparingInt(AlikePair::second));
        return pairs;
    }

    /** The longest sentences of {@code a} also in {@code b} and not in the tender documents. */
    static List<String> passages(String a, String b, Set<String> tenderSentences) {
        Set<String> inB = sentences(b);
        List<String> shared = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : a.split("[。！？；\\n!?;]")) {
            String s = raw.strip();
            String key = Shingles.normalise(s);
            if (key.length() >= MIN_PASSAGE && inB.contains(key) && !tenderSentences.contains(key) && seen.add(key)) {
                shared.add(s);
            }
        }
        shared.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(shared.subList(0, Math.min(MAX_PASSAGES, shared.size())));
    }

    static Set<String> sentences(String text) {
        Set<String> set = new HashSet<>();
        for (String s : text.split("[。！？；\\n!?;]")) {
            String key = Shingles.normalise(s);
            if (key.length() >= MIN_PASSAGE) {
                set.add(key);
            }
        }
        return set;
    }
}
