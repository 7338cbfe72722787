package org.sunbid.deposit.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.sunbid.deposit.Money;

/**
 * Demand-deposit interest (活期存款利息) from a dated rate table: each credit earns, for every day from its booking
 * date (inclusive) to the refund date (exclusive), principal × annual rate ÷ 360 (the banks' day basis); the sum is
 * kept exact and rounded once, half-up, to the fen.
 */
public final class InterestCalculator {

    private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(360);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final NavigableMap<LocalDate, BigDecimal> annualPercent;

    public InterestCalculator(Map<LocalDate, BigDecimal> annualPercent) {
        this.annualPercent = new TreeMap<>(annualPercent);
    }

    /** A booked credit (or, with a negative amount, a reversal) that earns interest from {@code bookedOn}. */
    public record Credit(LocalDate bookedOn, BigDecimal amount) {
    }

    public Money interest(List<Credit> credits, LocalDate until) {
        BigDecimal total = BigDecimal.ZERO;
        for (Credit c : credits) {
            LocalDate day = c.bookedOn();
            while (day.isBefore(until)) {
                var rate = annualPercent.floorEntry(day);
                var next = annualPercent.higherKey(day);
                LocalDate end = next == null || next.isAfter(until) ? until : next;
                long days = java.time.temporal.ChronoUnit.DAYS.between(day, end);
                if (rate != null) {
                    total = total.add(c.amount().multiply(rate.getValue()).multiply(BigDecimal.valueOf(days)));
                }
                day = end;
            }
        }
        BigDecimal fen = total.divide(HUNDRED.multiply(DAYS_PER_YEAR), 2, RoundingMode.HALF_UP);
        return fen.signum() <= 0 ? Money.ZERO : new Money(fen);
    }
}
