package org.sunbid.deposit.internal;

import java.time.LocalDate;

import org.sunbid.deposit.Money;

/**
 * One booked entry of a bank statement, whatever its format. {@code bankRef} is the bank's own reference
 * (AcctSvcrRef), the key that makes imports idempotent; {@code virtualAccount} is the sub-account the payer paid
 * into (credits) or the refund's payee (debits); {@code endToEndId} ties a debit or a return to our refund.
 */
public record BankEntry(String bankRef, Direction direction, boolean reversal, Money amount, String currency,
        LocalDate bookedOn, String virtualAccount, String payerAccount, String payerName, String endToEndId,
        String returnReason) {

    public enum Direction {
        CRDT, DBIT
    }

    public BankEntry {
        if (bankRef == null || bankRef.isBlank() || bankRef.length() > 200) {
            throw new IllegalArgumentException("entry without bank reference (AcctSvcrRef)");
        }
    }

    public boolean isReturn() {
        return direction == Direction.CRDT && returnReason != null;
    }
}
