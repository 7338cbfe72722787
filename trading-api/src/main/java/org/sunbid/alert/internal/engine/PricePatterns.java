package org.sunbid.alert.internal.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Regular price differences (实施条例 art. 40 (四)): the longest run of sorted prices in arithmetic or geometric
 * progression within a relative tolerance, and prices crowding just under the maximum price.
 */
public final class PricePatterns {

    private PricePatterns() {
    }

    /** A run of indexes (into the given list) whose prices form a progression, and its common step or ratio. */
    public record Progression(List<Integer> members, BigDecimal step) {
    }

    /**
     * The longest run (at least {@code minimum} prices) of distinct sorted prices whose consecutive differences
     * agree within {@code tolerance} of the mean difference; empty if none.
     */
    public static List<Progression> arithmetic(List<BigDecimal> prices, double tolerance, int minimum) {
        return longestRun(prices, tolerance, minimum, false);
    }

    /** Like {@link #arithmetic} with ratios of consecutive prices instead of differences. */
    public static List<Progression> geometric(List<BigDecimal> prices, double tolerance, int minimum) {
        return longestRun(prices, tolerance, minimum, true);
    }

    private static List<Progression> longestRun(List<BigDecimal> prices, double tolerance, int minimum, boolean ratio) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < prices.size(); i++) {
            if (prices.get(i) != null && prices.get(i).signum() > 0) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparing(prices::get));
        int n = order.size();
        if (n < minimum) {
            return List.of();
        }
        double[] step = new double[n - 1];
        for (int i = 0; i + 1 < n; i++) {
            double a = prices.get(order.get(i)).doubleValue();
            double b = prices.get(order.get(i + 1)).doubleValue();
            step[i] = ratio ? b / a : b - a;
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int start = 0; start < step.length; start++) {
            if (!meaningful(step[start], ratio)) {
                continue;
            }
            int end = start;
            while (end + 1 < step.length && close(step[end + 1], step[start], tolerance, ratio)) {
                end++;
            }
            int length = end - start + 2;
            if (length > bestLength) {
                bestLength = length;
                bestStart = start;
            }
        }
        if (bestLength < minimum) {
            return List.of();
        }
        double sum = 0;
        for (int i = bestStart; i < bestStart + bestLength - 1; i++) {
            sum += step[i];
        }
        BigDecimal common = new BigDecimal(sum / (bestLength - 1), new MathContext(8));
        return List.of(new Progression(List.copyOf(order.subList(bestStart, bestStart + bestLength)), common));
    }

    private static boolean meaningful(double step, boolean ratio) {
        return ratio ? step > 1.0 : step > 0.0;
    }

    private static boolean close(double s, double reference, double tolerance, boolean ratio) {
        if (!meaningful(s, ratio)) {
            return false;
        }
        double a = ratio ? s - 1 : s;
        double b = ratio ? reference - 1 : reference;
        return Math.abs(a - b) <= tolerance * Math.abs(b);
    }

    /** Indexes of prices at most {@code share} below {@code maximum} (and not above it). */
    public static List<Integer> underMaximum(List<BigDecimal> prices, BigDecimal maximum, double share) {
        List<Integer> out = new ArrayList<>();
        if (maximum == null || maximum.signum() <= 0) {
            return out;
        }
        BigDecimal floor = maximum.multiply(BigDecimal.valueOf(1 - share));
        for (int i = 0; i < prices.size(); i++) {
            BigDecimal p = prices.get(i);
            if (p != null && p.compareTo(maximum) <= 0 && p.compareTo(floor) >= 0) {
                out.add(i);
            }
        }
        return out;
    }
}
