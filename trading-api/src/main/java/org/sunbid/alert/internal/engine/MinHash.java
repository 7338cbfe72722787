package org.sunbid.alert.internal.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MinHash signatures by one-permutation hashing (one pass over the shingles, {@code bands × rows} bins, empty bins
 * filled from the next non-empty one) and locality-sensitive hashing by banding: two documents become a candidate
 * pair when all rows of at least one band agree, so only candidates are compared, never all pairs. With 16 bands of
 * 8 rows a pair of Jaccard 0.8 is found with probability 1 − (1 − 0.8⁸)¹⁶ ≈ 0.95, a pair of 0.5 with ≈ 0.06.
 */
public final class MinHash {

    private final int bands;
    private final int rows;

    public MinHash(int bands, int rows) {
        if (bands < 1 || rows < 1) {
            throw new IllegalArgumentException("bands and rows must be positive");
        }
        this.bands = bands;
        this.rows = rows;
    }

    public int size() {
        return bands * rows;
    }

    /** The signature of a shingle set; all {@link Long#MAX_VALUE} for an empty set. */
    public long[] signature(long[] shingles) {
        int bins = size();
        long[] sig = new long[bins];
        Arrays.fill(sig, Long.MAX_VALUE);
        for (long s : shingles) {
            long h = Shingles.mix(s ^ 0x632BE59BD9B4E019L);
            int bin = (int) Long.remainderUnsigned(h, bins);
            long value = h >>> 8;
            if (value < sig[bin]) {
                sig[bin] = value;
            }
        }
        if (shingles.length > 0) {
            densify(sig);
        }
        return sig;
    }

    private static void densify(long[] sig) {
        int n = sig.length;
        for (int i = 0; i < n; i++) {
            if (sig[i] == Long.MAX_VALUE) {
                for (int step = 1; step < n; step++) {
                    long donor = sig[(i + step) % n];
                    if (donor != Long.MAX_VALUE && donor < (Long.MAX_VALUE >>> 8)) {
                        // an offset per step keeps borrowed values distinct from the donor's own bin
                        sig[i] = donor + ((long) step << 56);
                        break;
                    }
                }
            }
        }
    }

    /** The share of agreeing bins: an estimate of the Jaccard similarity. */
    public static double estimate(long[] a, long[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i] && a[i] != Long.MAX_VALUE) {
                same++;
            }
        }
        return (double) same / a.length;
    }

    /** Index pairs (i &lt; j) that share at least one band; each pair once, in first-found order. */
    public List<int[]> candidates(List<long[]> signatures) {
        Set<Long> seen = new LinkedHashSet<>();
        List<int[]> pairs = new ArrayList<>();
        for (int band = 0; band < bands; band++) {
            Map<BandKey, List<Integer>> buckets = new HashMap<>();
            for (int doc = 0; doc < signatures.size(); doc++) {
                long[] sig = signatures.get(doc);
                if (sig[0] == Long.MAX_VALUE && sig[sig.length - 1] == Long.MAX_VALUE) {
                    continue;
                }
                buckets.computeIfAbsent(new BandKey(Arrays.copyOfRange(sig, band * rows, (band + 1) * rows)),
                        k -> new ArrayList<>()).add(doc);
            }
            for (List<Integer> bucket : buckets.values()) {
                for (int x = 0; x < bucket.size(); x++) {
                    for (int y = x + 1; y < bucket.size(); y++) {
                        int i = bucket.get(x);
                        int j = bucket.get(y);
                        if (seen.add(((long) i << 32) | j)) {
                            pairs.add(new int[] { i, j });
                        }
                    }
                }
            }
        }
        return pairs;
    }

    private record BandKey(long[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof BandKey k && Arrays.equals(values, k.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }
}
