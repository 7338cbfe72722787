package org.sunbid.alert.internal.engine;

import java.util.Arrays;

/**
 * Character shingles of a text as sorted distinct 64-bit hashes. Text is normalised first (letters and digits
 * only, lower case), so Chinese needs no word segmentation and line breaks or spacing from PDF extraction do not matter.
 */
public final class Shingles {

    private static final long[] NONE = new long[0];

    private Shingles() {
    }

    /** Letters and digits of {@code text}, lower-cased; everything else dropped. */
    public static String normalise(String text) {
        // a plain loop: the stream of code points cost a tenth of the signals' time on 200 bids (JFR)
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0, n = text.length(); i < n;) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c)) {
                b.appendCodePoint(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    /** The sorted distinct hashes of every {@code k}-character window of an already normalised text. */
    public static long[] of(String normalised, int k) {
        int n = normalised.length() - k + 1;
        if (n <= 0) {
            return NONE;
        }
        long[] hashes = new long[n];
        for (int i = 0; i < n; i++) {
            long h = 0x9E3779B97F4A7C15L;
            for (int j = i; j < i + k; j++) {
                h = (h ^ normalised.charAt(j)) * 0x100000001B3L;
            }
            hashes[i] = mix(h);
        }
        Arrays.sort(hashes);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || hashes[i] != hashes[i - 1]) {
                hashes[distinct++] = hashes[i];
            }
        }
        return Arrays.copyOf(hashes, distinct);
    }

    /** The hashes of {@code a} not in {@code b} (both sorted and distinct). */
    public static long[] minus(long[] a, long[] b) {
        long[] out = new long[a.length];
        int n = 0;
        int j = 0;
        for (long x : a) {
            while (j < b.length && b[j] < x) {
                j++;
            }
            if (j >= b.length || b[j] != x) {
                out[n++] = x;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Exact Jaccard similarity of two sorted distinct hash sets. */
    public static double jaccard(long[] a, long[] b) {
        if (a.length == 0 && b.length == 0) {
            return 0;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (a.length + b.length - common);
    }

    /** SplitMix64 finaliser: spreads the bits of a polynomial hash. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
