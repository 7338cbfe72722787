package org.sunbid.deposit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonValue;

/** An amount of Chinese yuan to the fen (scale 2); never negative. */
public record Money(@JsonValue BigDecimal amount) implements Comparable<Money> {

    public static final Money ZERO = new Money(BigDecimal.ZERO);

    public Money {
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("Money is never negative: " + amount);
        }
        try {
            amount = amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Money has at most two decimals (fen): " + amount, e);
        }
    }

    public static Money of(String text) {
        return new Money(new BigDecimal(text));
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    /** {@code this - other}; refuses a negative result. */
    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
