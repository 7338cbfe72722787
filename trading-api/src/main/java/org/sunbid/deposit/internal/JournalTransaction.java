package org.sunbid.deposit.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.sunbid.deposit.Money;

/**
 * One movement of money: lines that each debit one account and credit another by the same positive amount, so the
 * transaction balances by construction. The idempotency key makes posting it twice a no-op.
 */
public record JournalTransaction(String idempotencyKey, Kind kind, UUID lot, UUID member, List<Line> lines, String memo) {

    /** What the movement is. */
    public enum Kind {
        RECEIPT, COUNTER_RECEIPT, RECEIPT_REVERSED, SUSPENSE_RECEIPT, SUSPENSE_MATCHED, SUSPENSE_RETURNED,
        INTEREST_ACCRUED, REFUND_APPROVED, REFUND_PAID, REFUND_RETURNED, FORFEITED
    }

    public record Line(LedgerAccount debit, LedgerAccount credit, Money amount) {
        public Line {
            Objects.requireNonNull(debit);
            Objects.requireNonNull(credit);
            if (debit.equals(credit) || amount.isZero()) {
                throw new IllegalArgumentException("A journal line moves a positive amount between two accounts");
            }
        }
    }

    public JournalTransaction {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new IllegalArgumentException("A transaction needs an idempotency key of at most 200 characters");
        }
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("A transaction has at least one line");
        }
    }

    public static JournalTransaction of(String key, Kind kind, UUID lot, UUID member, String memo, Line... lines) {
        return new JournalTransaction(key, kind, lot, member, List.of(lines), memo);
    }

    /** The change each account's (debit-positive) balance undergoes; sums to zero. */
    public Map<String, BigDecimal> deltas() {
        Map<String, BigDecimal> d = new LinkedHashMap<>();
        for (Line l : lines) {
            d.merge(l.debit().key(), l.amount().amount(), BigDecimal::add);
            d.merge(l.credit().key(), l.amount().amount().negate(), BigDecimal::add);
        }
        return d;
    }
}
