package org.sunbid.deposit.internal;

import java.util.UUID;

import org.sunbid.deposit.DepositState;
import org.sunbid.deposit.Money;
import org.sunbid.deposit.VirtualAccountNumber;
import org.sunbid.deposit.internal.JournalTransaction.Kind;
import org.sunbid.deposit.internal.JournalTransaction.Line;

/**
 * One bidder's deposit for one lot, behind its virtual sub-account. Its amounts come from the ledger; its methods
 * return the balanced transaction a move needs and refuse moves its state forbids. A deposit ends refunded or
 * forfeited, once.
 */
public final class Deposit {

    private final VirtualAccountNumber number;
    private final UUID lot;
    private final UUID member;
    private final Money required;
    private DepositState state;
    private Money held;
    private Money interest;
    private Money payable;

    public Deposit(VirtualAccountNumber number, UUID lot, UUID member, Money required, DepositState state, Money held,
            Money interest, Money payable) {
        this.number = number;
        this.lot = lot;
        this.member = member;
        this.required = required;
        this.state = state;
        this.held = held;
        this.interest = interest;
        this.payable = payable;
    }

    public static Deposit opened(VirtualAccountNumber number, UUID lot, UUID member, Money required) {
        return new Deposit(number, lot, member, required, DepositState.OPEN, Money.ZERO, Money.ZERO, Money.ZERO);
    }

    /** Secured: open and holding at least the required amount (a zero requirement is always secured while open). */
    public boolean secured() {
        return state == DepositState.OPEN && !held.isLessThan(required);
    }

    /** Money from the bidder's basic account arrived on the virtual account. */
    public JournalTransaction credit(String bankRef, Money amount, Kind kind) {
        requireState(DepositState.OPEN, "credit");
        held = held.plus(amount);
        return JournalTransaction.of("bank:" + bankRef, kind, lot, member, "deposit received",
                new Line(LedgerAccount.BANK, LedgerAccount.held(lot, member), amount));
    }

    /** Money held in suspense for this account is accepted by staff as this deposit. */
    public JournalTransaction creditFromSuspense(String bankRef, Money amount) {
        requireState(DepositState.OPEN, "credit");
        held = held.plus(amount);
        return JournalTransaction.of("suspense-match:" + bankRef, Kind.SUSPENSE_MATCHED, lot, member,
                "matched from suspense", new Line(LedgerAccount.SUSPENSE, LedgerAccount.held(lot, member), amount));
    }

    /** The bank reversed an earlier credit (RvslInd): the money leaves the deposit again. */
    public JournalTransaction reverseCredit(String bankRef, Money amount) {
        requireState(DepositState.OPEN, "reverse a credit of");
        if (held.isLessThan(amount)) {
            throw new IllegalStateException("Deposit %s holds %s, less than the reversal %s".formatted(number, held, amount));
        }
        held = held.minus(amount);
        return JournalTransaction.of("bank:" + bankRef, Kind.RECEIPT_REVERSED, lot, member, "credit reversed by bank",
                new Line(LedgerAccount.held(lot, member), LedgerAccount.BANK, amount));
    }

    /** Interest accrued up to the refund; posted with the refund approval. */
    public JournalTransaction accrueInterest(String key, Money amount) {
        requireState(DepositState.OPEN, "accrue interest on");
        interest = interest.plus(amount);
        return JournalTransaction.of(key, Kind.INTEREST_ACCRUED, lot, member, "interest accrued",
                new Line(LedgerAccount.INTEREST_COST, LedgerAccount.interest(lot, member), amount));
    }

    /** An approved refund moves what is held plus its interest to refunds payable. */
    public JournalTransaction approveRefund(String key) {
        requireState(DepositState.OPEN, "refund");
        if (held.isZero() && interest.isZero()) {
            throw new IllegalStateException("Deposit %s holds nothing to refund".formatted(number));
        }
        var lines = new java.util.ArrayList<Line>();
        if (!held.isZero()) {
            lines.add(new Line(LedgerAccount.held(lot, member), LedgerAccount.refunds(lot, member), held));
        }
        if (!interest.isZero()) {
            lines.add(new Line(LedgerAccount.interest(lot, member), LedgerAccount.refunds(lot, member), interest));
        }
        payable = held.plus(interest);
        held = Money.ZERO;
        interest = Money.ZERO;
        state = DepositState.REFUNDING;
        return new JournalTransaction(key, Kind.REFUND_APPROVED, lot, member, lines, "refund approved");
    }

    /** The bank statement shows the refund leaving the account. */
    public JournalTransaction refundPaid(String bankRef, Money amount) {
        requireState(DepositState.REFUNDING, "settle a refund of");
        if (amount.compareTo(payable) != 0) {
            throw new IllegalStateException("Refund of %s is %s, the bank paid %s".formatted(number, payable, amount));
        }
        state = DepositState.REFUNDED;
        payable = Money.ZERO;
        return JournalTransaction.of("bank:" + bankRef, Kind.REFUND_PAID, lot, member, "refund paid",
                new Line(LedgerAccount.refunds(lot, member), LedgerAccount.BANK, amount));
    }

    /**
     * The payee's bank returned the refund ({@code amount} is what was paid, checked by the matching policy against
     * the refund): it is owed again until paid to a corrected account.
     */
    public JournalTransaction refundReturned(String bankRef, Money amount) {
        requireState(DepositState.REFUNDED, "reopen the refund of");
        state = DepositState.REFUNDING;
        payable = amount;
        return JournalTransaction.of("bank:" + bankRef, Kind.REFUND_RETURNED, lot, member, "refund returned",
                new Line(LedgerAccount.BANK, LedgerAccount.refunds(lot, member), amount));
    }

    /** A regulator approved the forfeit: what is held goes to forfeited deposits, accrued interest is withdrawn. */
    public JournalTransaction forfeit(String key) {
        requireState(DepositState.OPEN, "forfeit");
        if (held.isZero()) {
            throw new IllegalStateException("Deposit %s holds nothing to forfeit".formatted(number));
        }
        var lines = new java.util.ArrayList<Line>();
        lines.add(new Line(LedgerAccount.held(lot, member), LedgerAccount.forfeited(lot), held));
        if (!interest.isZero()) {
            lines.add(new Line(LedgerAccount.interest(lot, member), LedgerAccount.INTEREST_COST, interest));
        }
        held = Money.ZERO;
        interest = Money.ZERO;
        state = DepositState.FORFEITED;
        return new JournalTransaction(key, Kind.FORFEITED, lot, member, lines, "forfeited by decision");
    }

    private void requireState(DepositState expected, String act) {
        if (state != expected) {
            throw new IllegalStateException("Cannot %s deposit %s: it is %s".formatted(act, number, state));
        }
    }

    public VirtualAccountNumber number() {
        return number;
    }

    public UUID lot() {
        return lot;
    }

    public UUID member() {
        return member;
    }

    public Money required() {
        return required;
    }

    public DepositState state() {
        return state;
    }

    public Money held() {
        return held;
    }

    public Money interest() {
        return interest;
    }

    public Money payable() {
        return payable;
    }
}
