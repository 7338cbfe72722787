package org.sunbid.credit;

import java.time.LocalDate;

/**
 * Kinds of ban with the length the law allows (Bidding Law Implementing Regulations arts. 67–68, Government
 * Procurement Law art. 77): bid rigging or bribery 1–2 years, fraud or false documents 1–3 years, especially
 * serious or repeated cases 2–5 years. The mapping of each case to a kind is the deciding authority's.
 */
public enum BanKind {
    /** 串通投标、行贿: 1–2 years. */
    BID_RIGGING_OR_BRIBERY(1, 2),
    /** 弄虚作假、骗取中标: 1–3 years. */
    FRAUD(1, 3),
    /** 情节特别严重: 2–5 years. */
    ESPECIALLY_SERIOUS(2, 5);

    private final int minYears;
    private final int maxYears;

    BanKind(int minYears, int maxYears) {
        this.minYears = minYears;
        this.maxYears = maxYears;
    }

    public int minYears() {
        return minYears;
    }

    public int maxYears() {
        return maxYears;
    }

    /** Whether a ban from {@code start} to {@code end} (exclusive) lasts between the minimum and maximum. */
    public boolean allows(LocalDate start, LocalDate end) {
        return !end.isBefore(start.plusYears(minYears)) && !end.isAfter(start.plusYears(maxYears));
    }
}
