package org.sunbid.deposit.internal;

import java.util.Optional;
import java.util.UUID;

import org.sunbid.deposit.DepositState;
import org.sunbid.deposit.Money;
import org.sunbid.deposit.internal.JournalTransaction.Kind;
import org.sunbid.deposit.internal.JournalTransaction.Line;

/**
 * The matching policy for one bank entry. A credit is matched by virtual account and accepted only from the
 * bidder's registered basic account (基本账户, 招标投标法实施条例 art. 26); anything else goes to suspense with a
 * reason. Debits settle refunds by end-to-end id; returns reopen them. Nothing is dropped: every entry yields a
 * balanced transaction.
 */
public final class StatementMatching {

    private StatementMatching() {
    }

    /** Where the policy looks things up (the database in production, maps in the property tests). */
    public interface Lookup {
        Optional<Deposit> deposit(String virtualAccount);

        Optional<String> basicAccount(UUID member);

        /** The deposit a refund with this end-to-end id belongs to, and the refund's total. */
        Optional<Refunded> refund(String endToEndId);
    }

    public record Refunded(Deposit deposit, Money total) {
    }

    public enum Outcome {
        CREDITED, CREDITED_SHORT, CREDITED_EXCESS, REVERSED, REFUND_PAID, REFUND_RETURNED, SUSPENSE_UNKNOWN_ACCOUNT,
        SUSPENSE_PAYER_NOT_BASIC_ACCOUNT, SUSPENSE_DEPOSIT_CLOSED, SUSPENSE_UNMATCHED_DEBIT;

        public boolean suspense() {
            return name().startsWith("SUSPENSE_");
        }
    }

    /** The decision: outcome, the deposit it touched (if any), the flagged difference and the transaction to post. */
    public record Match(Outcome outcome, Optional<Deposit> deposit, Money difference, JournalTransaction transaction) {
    }

    public static Match decide(BankEntry e, Lookup lookup) {
        if (e.direction() == BankEntry.Direction.DBIT) {
            return debit(e, lookup);
        }
        if (e.isReturn() && e.endToEndId() != null) {
            Optional<Deposit> refunded = lookup.refund(e.endToEndId())
                    .filter(r -> r.deposit().state() == DepositState.REFUNDED && r.total().compareTo(e.amount()) == 0)
                    .map(Refunded::deposit);
            if (refunded.isPresent()) {
                return new Match(Outcome.REFUND_RETURNED, refunded, Money.ZERO,
                        refunded.get().refundReturned(e.bankRef(), e.amount()));
            }
        }
        Optional<Deposit> deposit = Optional.ofNullable(e.virtualAccount()).flatMap(lookup::deposit);
        if (deposit.isEmpty()) {
            return suspense(e, Outcome.SUSPENSE_UNKNOWN_ACCOUNT);
        }
        Deposit d = deposit.get();
        if (d.state() != DepositState.OPEN) {
            return suspense(e, Outcome.SUSPENSE_DEPOSIT_CLOSED);
        }
        Optional<String> basic = lookup.basicAccount(d.member());
        if (e.payerAccount() == null || basic.isEmpty() || !normalise(basic.get()).equals(normalise(e.payerAccount()))) {
            return suspense(e, Outcome.SUSPENSE_PAYER_NOT_BASIC_ACCOUNT);
        }
        Money after = d.held().plus(e.amount());
        JournalTransaction txn = d.credit(e.bankRef(), e.amount(), Kind.RECEIPT);
        int cmp = after.compareTo(d.required());
        if (cmp < 0) {
            return new Match(Outcome.CREDITED_SHORT, deposit, d.required().minus(after), txn);
        }
        return cmp > 0 ? new Match(Outcome.CREDITED_EXCESS, deposit, after.minus(d.required()), txn)
                : new Match(Outcome.CREDITED, deposit, Money.ZERO, txn);
    }

    private static Match debit(BankEntry e, Lookup lookup) {
        if (e.reversal() && e.virtualAccount() != null) {
            Optional<Deposit> d = lookup.deposit(e.virtualAccount())
                    .filter(x -> x.state() == DepositState.OPEN && !x.held().isLessThan(e.amount()));
            if (d.isPresent()) {
                return new Match(Outcome.REVERSED, d, Money.ZERO, d.get().reverseCredit(e.bankRef(), e.amount()));
            }
        }
        if (e.endToEndId() != null) {
            Optional<Deposit> d = lookup.refund(e.endToEndId()).map(Refunded::deposit)
                    .filter(x -> x.state() == DepositState.REFUNDING && x.payable().compareTo(e.amount()) == 0);
            if (d.isPresent()) {
                return new Match(Outcome.REFUND_PAID, d, Money.ZERO, d.get().refundPaid(e.bankRef(), e.amount()));
            }
        }
        return new Match(Outcome.SUSPENSE_UNMATCHED_DEBIT, Optional.empty(), Money.ZERO,
                JournalTransaction.of("bank:" + e.bankRef(), Kind.SUSPENSE_RECEIPT, null, null,
                        "unmatched debit", new Line(LedgerAccount.SUSPENSE, LedgerAccount.BANK, e.amount())));
    }

    private static Match suspense(BankEntry e, Outcome why) {
        return new Match(why, Optional.empty(), Money.ZERO, JournalTransaction.of("bank:" + e.bankRef(),
                Kind.SUSPENSE_RECEIPT, null, null, why.name(), new Line(LedgerAccount.BANK, LedgerAccount.SUSPENSE, e.amount())));
    }

    /** Account numbers compare without spaces and dashes. */
    public static String normalise(String account) {
        return account.replaceAll("[\\s-]", "");
    }
}
