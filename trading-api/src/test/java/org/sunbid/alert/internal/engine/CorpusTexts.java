package org.sunbid.alert.internal.engine;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Deterministic Chinese sentences for crafted lots: each seed writes its own text, as independent authors do. */
public final class CorpusTexts {

    /** The 3,755 level-1 characters of GB 2312, in code order. */
    static final String HANZI = level1();

    private CorpusTexts() {
    }

    private static String level1() {
        StringBuilder b = new StringBuilder();
        Charset gb = Charset.forName("GB2312");
        for (int hi = 0xB0; hi <= 0xD7; hi++) {
            for (int lo = 0xA1; lo <= 0xFE; lo++) {
                if (hi == 0xD7 && lo > 0xF9) {
                    break;
                }
                b.append(new String(new byte[] { (byte) hi, (byte) lo }, gb));
            }
        }
        return b.toString();
    }

    /** {@code count} sentences of 18–34 characters ending with 。 written from {@code seed}. */
    public static List<String> sentences(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = 18 + random.nextInt(17);
            StringBuilder s = new StringBuilder(length + 1);
            for (int c = 0; c < length; c++) {
                s.append(HANZI.charAt(random.nextInt(HANZI.length())));
            }
            out.add(s.append('。').toString());
        }
        return out;
    }

    /** A copy of {@code original} with a share of its sentences (every n-th) rewritten from {@code seed}. */
    public static List<String> rewrite(List<String> original, double share, long seed) {
        List<String> fresh = sentences(seed, original.size());
        List<String> out = new ArrayList<>(original);
        if (share <= 0) {
            return out;
        }
        int every = (int) Math.round(1 / share);
        for (int i = 0; i < out.size(); i += every) {
            out.set(i, fresh.get(i));
        }
        return out;
    }
}
