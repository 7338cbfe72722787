package org.sunbid.deposit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.sunbid.deposit.internal.BankEntry;
import org.sunbid.deposit.internal.Deposit;
import org.sunbid.deposit.internal.JournalTransaction;
import org.sunbid.deposit.internal.Ledger;
import org.sunbid.deposit.internal.LedgerAccount;
import org.sunbid.deposit.internal.StatementMatching;

/**
 * Random sequences of imports, re-imports, duplicates, partial payments, payments from wrong accounts, unknown
 * accounts, reversals, refunds, returns and forfeits, run through the production matching policy, deposit aggregate
 * and ledger (pure domain, no Spring). Invariants: the ledger always balances; no bank entry is credited twice; no
 * refund pays more than was held plus interest; every deposit that received money ends refunded or forfeited.
 */
class DepositLedgerProperties {

    static final class World implements StatementMatching.Lookup {
        final UUID lot = UUID.randomUUID();
        final Ledger ledger = new Ledger();
        final Map<String, Deposit> byAccount = new HashMap<>();
        final Map<UUID, String> basic = new HashMap<>();
        final Map<String, String> refundAccount = new HashMap<>(); // end-to-end id → virtual account
        final Map<String, Money> refundTotal = new HashMap<>(); // end-to-end id → held + interest at approval
        final Map<String, String> e2eOf = new HashMap<>(); // virtual account → current end-to-end id
        final Set<String> seen = new HashSet<>();
        final List<BankEntry> imported = new ArrayList<>();
        final Map<String, BigDecimal> credited = new HashMap<>();
        final Map<String, BigDecimal> paidOut = new HashMap<>();
        final Map<String, BigDecimal> interest = new HashMap<>();
        final Map<String, Integer> finished = new HashMap<>();
        final List<String> accounts = new ArrayList<>();
        int refs;

        World(int bidders, Random r) {
            for (int i = 0; i < bidders; i++) {
                UUID member = UUID.randomUUID();
                VirtualAccountNumber n = VirtualAccountNumber.derive("955880", lot, member, 0);
                byAccount.put(n.value(), Deposit.opened(n, lot, member, new Money(BigDecimal.valueOf(1000 + r.nextInt(5) * 500, 0))));
                basic.put(member, "62220200000" + i);
                accounts.add(n.value());
            }
        }

        @Override
        public Optional<Deposit> deposit(String virtualAccount) {
            return Optional.ofNullable(byAccount.get(virtualAccount));
        }

        @Override
        public Optional<String> basicAccount(UUID member) {
            return Optional.ofNullable(basic.get(member));
        }

        @Override
        public Optional<StatementMatching.Refunded> refund(String endToEndId) {
            return Optional.ofNullable(refundAccount.get(endToEndId)).map(byAccount::get)
                    .map(d -> new StatementMatching.Refunded(d, refundTotal.get(endToEndId)));
        }

        /** The import service's rule: a bank reference seen before is skipped, never matched again. */
        void importEntry(BankEntry e) {
            if (!seen.add(e.bankRef())) {
                return;
            }
            imported.add(e);
            StatementMatching.Match m = StatementMatching.decide(e, this);
            assertThat(ledger.post(m.transaction())).as("a fresh entry posts").isTrue();
            String va = m.deposit().map(d -> d.number().value()).orElse(null);
            switch (m.outcome()) {
                case CREDITED, CREDITED_SHORT, CREDITED_EXCESS -> credited.merge(va, e.amount().amount(), BigDecimal::add);
                case REVERSED -> credited.merge(va, e.amount().amount().negate(), BigDecimal::add);
                case REFUND_PAID -> {
                    paidOut.merge(va, e.amount().amount(), BigDecimal::add);
                    finished.merge(va, 1, Integer::sum);
                }
                case REFUND_RETURNED -> {
                    paidOut.merge(va, e.amount().amount().negate(), BigDecimal::add);
                    finished.merge(va, -1, Integer::sum);
                }
                default -> {
                }
            }
        }

        BankEntry credit(String va, Money amount, String payer) {
            return new BankEntry("REF" + (++refs), BankEntry.Direction.CRDT, false, amount, "CNY", null, va, payer,
                    "payer", null, null);
        }

        void refund(Deposit d, Random r) {
            if (d.state() != DepositState.OPEN || (d.held().isZero())) {
                return;
            }
            String va = d.number().value();
            Money i = new Money(BigDecimal.valueOf(r.nextInt(300), 2));
            if (!i.isZero()) {
                ledger.post(d.accrueInterest("interest:" + va + ":" + refs, i));
                interest.merge(va, i.amount(), BigDecimal::add);
            }
            ledger.post(d.approveRefund("refund:" + va));
            String e2e = "E2E" + (++refs);
            refundAccount.put(e2e, va);
            refundTotal.put(e2e, d.payable());
            e2eOf.put(va, e2e);
        }

        BankEntry payment(Deposit d, boolean returned) {
            String e2e = e2eOf.get(d.number().value());
            Money amount = returned ? refundTotal.get(e2e) : d.payable();
            return new BankEntry("REF" + (++refs), returned ? BankEntry.Direction.CRDT : BankEntry.Direction.DBIT, false,
                    amount, "CNY", null, null, null, null, e2e, returned ? "AC04" : null);
        }
    }

    @Property(tries = 300)
    void theLedgerBalancesAndEveryDepositEndsRefundedOrForfeitedOnce(@ForAll long seed) {
        Random r = new Random(seed);
        World w = new World(1 + r.nextInt(4), r);
        int steps = 10 + r.nextInt(60);
        for (int s = 0; s < steps; s++) {
            Deposit d = w.byAccount.get(w.accounts.get(r.nextInt(w.accounts.size())));
            String va = d.number().value();
            switch (r.nextInt(10)) {
                case 0, 1 -> w.importEntry(w.credit(va, new Money(BigDecimal.valueOf(1 + r.nextInt(2000), 0)),
                        w.basic.get(d.member())));
                case 2 -> w.importEntry(w.credit(va, d.required(), "6222999999")); // not the basic account
                case 3 -> w.importEntry(w.credit("95588000000000000000", Money.of("50.00"), "6222")); // unknown
                case 4 -> {
                    if (!w.imported.isEmpty()) { // duplicate / overlapping statement
                        w.importEntry(w.imported.get(r.nextInt(w.imported.size())));
                    }
                }
                case 5 -> w.importEntry(new BankEntry("REF" + (++w.refs), BankEntry.Direction.DBIT, true,
                        new Money(BigDecimal.valueOf(1 + r.nextInt(1500), 0)), "CNY", null, va, null, null, null, null));
                case 6 -> w.refund(d, r);
                case 7 -> {
                    if (d.state() == DepositState.REFUNDING) {
                        w.importEntry(w.payment(d, false));
                    }
                }
                case 8 -> {
                    if (d.state() == DepositState.REFUNDED) {
                        w.importEntry(w.payment(d, true));
                    }
                }
                default -> {
                    if (d.state() == DepositState.OPEN && !d.held().isZero() && r.nextInt(3) == 0) {
                        w.ledger.post(d.forfeit("forfeit:" + va));
                        w.finished.merge(va, 1, Integer::sum);
                    }
                }
            }
            assertThat(w.ledger.total()).as("trial balance after step %d", s).isZero();
        }
        // close out: every open deposit holding money is refunded and the bank pays every instructed refund
        for (Deposit d : w.byAccount.values()) {
            w.refund(d, r);
            if (d.state() == DepositState.REFUNDING) {
                w.importEntry(w.payment(d, false));
            }
        }
        assertThat(w.ledger.total()).isZero();
        for (Deposit d : w.byAccount.values()) {
            String va = d.number().value();
            BigDecimal in = w.credited.getOrDefault(va, BigDecimal.ZERO);
            BigDecimal held = w.ledger.balance(LedgerAccount.held(w.lot, d.member())).negate();
            assertThat(held).as("nothing left held").isZero();
            assertThat(w.ledger.balance(LedgerAccount.refunds(w.lot, d.member()))).as("nothing left payable").isZero();
            assertThat(w.ledger.balance(LedgerAccount.interest(w.lot, d.member()))).isZero();
            if (in.signum() > 0) {
                assertThat(d.state()).isIn(DepositState.REFUNDED, DepositState.FORFEITED);
                assertThat(w.finished.get(va)).as("ended once").isEqualTo(1);
            }
            if (d.state() == DepositState.REFUNDED) {
                assertThat(w.paidOut.get(va)).as("refund = held + interest, never more")
                        .isEqualByComparingTo(in.add(w.interest.getOrDefault(va, BigDecimal.ZERO)));
            }
        }
        // every bank reference reached the ledger once
        long bankTxns = w.imported.stream().map(BankEntry::bankRef).distinct().count();
        assertThat(bankTxns).isEqualTo(w.imported.size());
        assertThat(w.ledger.post(JournalTransaction.of("bank:" + w.imported.get(0).bankRef(),
                JournalTransaction.Kind.RECEIPT, null, null, "replay", new JournalTransaction.Line(LedgerAccount.BANK,
                        LedgerAccount.SUSPENSE, Money.of("1.00"))))).as("idempotency key refuses a replay").isFalse();
    }
}
