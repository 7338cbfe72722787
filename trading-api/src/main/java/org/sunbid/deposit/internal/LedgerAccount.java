package org.sunbid.deposit.internal;

import java.util.UUID;

/** An account of the deposit ledger; per-deposit accounts carry the lot and member, the others are global. */
public record LedgerAccount(Kind kind, UUID lot, UUID member) {

    /** The chart of accounts (see docs/deposits.md). Debit-positive balances. */
    public enum Kind {
        /** 银行存款（清算）: the centre's deposit collection account at the bank (asset). */
        BANK_CLEARING(false),
        /** 保证金（在管）: deposits held for one bidder on one lot (liability). */
        DEPOSITS_HELD(true),
        /** 利息支出: the centre's cost of paying interest on refunded deposits. */
        INTEREST_EXPENSE(false),
        /** 应付利息: interest owed on one deposit. */
        INTEREST_PAYABLE(true),
        /** 应退款: refunds approved and instructed but not yet seen leaving the bank. */
        REFUNDS_PAYABLE(true),
        /** 没收保证金: forfeited deposits, per lot. */
        FORFEITED(true),
        /** 待查款项: money not (yet) attributable to a deposit. */
        SUSPENSE(false);

        private final boolean perDeposit;

        Kind(boolean perDeposit) {
            this.perDeposit = perDeposit;
        }
    }

    public LedgerAccount {
        if (kind.perDeposit && (lot == null || (member == null && kind != Kind.FORFEITED))) {
            throw new IllegalArgumentException(kind + " is kept per deposit");
        }
        if (!kind.perDeposit && (lot != null || member != null)) {
            throw new IllegalArgumentException(kind + " is a global account");
        }
    }

    public static final LedgerAccount BANK = new LedgerAccount(Kind.BANK_CLEARING, null, null);
    public static final LedgerAccount SUSPENSE = new LedgerAccount(Kind.SUSPENSE, null, null);
    public static final LedgerAccount INTEREST_COST = new LedgerAccount(Kind.INTEREST_EXPENSE, null, null);

    public static LedgerAccount held(UUID lot, UUID member) {
        return new LedgerAccount(Kind.DEPOSITS_HELD, lot, member);
    }

    public static LedgerAccount interest(UUID lot, UUID member) {
        return new LedgerAccount(Kind.INTEREST_PAYABLE, lot, member);
    }

    public static LedgerAccount refunds(UUID lot, UUID member) {
        return new LedgerAccount(Kind.REFUNDS_PAYABLE, lot, member);
    }

    public static LedgerAccount forfeited(UUID lot) {
        return new LedgerAccount(Kind.FORFEITED, lot, null);
    }

    /** The stable key stored in the journal: {@code KIND} or {@code KIND:lot[:member]}. */
    public String key() {
        return lot == null ? kind.name() : member == null ? kind.name() + ":" + lot : kind.name() + ":" + lot + ":" + member;
    }

    public static LedgerAccount parse(String key) {
        String[] parts = key.split(":");
        Kind kind = Kind.valueOf(parts[0]);
        return new LedgerAccount(kind, parts.length > 1 ? UUID.fromString(parts[1]) : null,
                parts.length > 2 ? UUID.fromString(parts[2]) : null);
    }
}
