package org.sunbid.deposit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.deposit.internal.Deposit;
import org.sunbid.deposit.internal.DepositAccounts;
import org.sunbid.deposit.internal.DepositProperties;
import org.sunbid.deposit.internal.Guarantees;
import org.sunbid.deposit.internal.Journal;
import org.sunbid.deposit.internal.JournalTransaction;
import org.sunbid.deposit.internal.LedgerAccount;
import org.sunbid.deposit.internal.Refunds;
import org.sunbid.deposit.internal.Statements;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ProjectStatus;
import org.sunbid.project.ProjectView;

/**
 * Deposits for bidders and staff: the virtual sub-account and instructions, the gate's "secured or not", sealed
 * totals before the opening and payers after it, staff-confirmed receipts, the suspense queue and the ledger check.
 */
@Service
@Transactional
public class DepositManagement {

    private static final int MAX_DERIVATIONS = 20;

    private final DepositAccounts accounts;
    private final Journal journal;
    private final Statements statements;
    private final Refunds refunds;
    private final Guarantees guarantees;
    private final DepositLookups lookups;
    private final DepositProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DepositManagement(DepositAccounts accounts, Journal journal, Statements statements, Refunds refunds,
            Guarantees guarantees, DepositLookups lookups, DepositProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.journal = journal;
        this.statements = statements;
        this.refunds = refunds;
        this.guarantees = guarantees;
        this.lookups = lookups;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** The bidder's own deposit for a published lot; its virtual sub-account is opened on first ask. */
    public DepositInstructions instructions(CurrentUser bidder, ProjectId projectId, LotId lot) {
        UUID lotId = lot.value();
        UUID member = bidder.requireMember();
        ProjectView project = publishedProject(projectId.value(), lotId);
        DepositAccounts.Row row = openAccount(project, lotId, member);
        Deposit d = accounts.find(row.number().value()).orElseThrow();
        String payFrom = lookups.payee(member).account();
        return new DepositInstructions(d.number().value(), properties.accountName(), properties.bankName(), d.required(),
                project.bidDeadline(), payFrom, d.held(), d.interest(), d.state(), d.secured(),
                refunds.ofAccount(d.number().value()).stream().map(RefundManagement::view).toList());
    }

    DepositAccounts.Row openAccount(ProjectView project, UUID lotId, UUID member) {
        return accounts.row(lotId, member).orElseGet(() -> {
            Money required = new Money(lot(project, lotId).deposit());
            for (int attempt = 0; attempt < MAX_DERIVATIONS; attempt++) {
                VirtualAccountNumber n = VirtualAccountNumber.derive(properties.accountPrefix(), lotId, member, attempt);
                if (accounts.insert(n, lotId, project.id(), member, required, clock.instant())) {
                    break;
                }
                if (accounts.row(lotId, member).isPresent()) {
                    break; // opened concurrently
                }
            }
            return accounts.row(lotId, member).orElseThrow(() -> new IllegalStateException("no free virtual account"));
        });
    }

    ProjectView publishedProject(UUID projectId, UUID lotId) {
        ProjectView p;
        try {
            p = lookups.project(projectId);
        } catch (ProblemException e) {
            throw ProblemException.notFound("lot", lotId);
        }
        if (p.status() != ProjectStatus.PUBLISHED) {
            throw ProblemException.notFound("lot", lotId);
        }
        lot(p, lotId);
        return p;
    }

    private static ProjectView.LotView lot(ProjectView p, UUID lotId) {
        return p.lots().stream().filter(l -> l.id().equals(lotId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("lot", lotId));
    }

    /** The centre's deposit collection account, which statements must be for. */
    public String collectionAccount() {
        return properties.collectionAccount();
    }

    /**
     * The gate's question: does {@code member} hold at least the lot's deposit, open and unencumbered, or an accepted
     * electronic guarantee for the lot that is still valid today?
     */
    @Transactional(readOnly = true)
    public boolean secured(LotId lot, MemberId member) {
        return accounts.peek(lot.value(), member.value()).map(Deposit::secured).orElse(false)
                || guaranteeInForce(lot.value(), member.value()).isPresent();
    }

    private java.util.Optional<Guarantees.Guarantee> guaranteeInForce(UUID lot, UUID member) {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), org.sunbid.platform.PlatformZone.ZONE);
        return guarantees.inForce(lot, member).filter(g -> !g.validUntil().isBefore(today));
    }

    /** The opening record's deposit column for one bidder (shown only at and after the opening). */
    @Transactional(readOnly = true)
    public String openingColumn(LotId lot, MemberId member) {
        var guarantee = guaranteeInForce(lot.value(), member.value());
        if (guarantee.isPresent() && !accounts.peek(lot.value(), member.value()).map(Deposit::secured).orElse(false)) {
            return "电子保函 " + guarantee.get().amount() + " 元（" + guarantee.get().issuerName() + " "
                    + guarantee.get().number() + "）";
        }
        return accounts.peek(lot.value(), member.value())
                .map(d -> (d.secured() ? "已缴纳 " : "未足额 ") + d.held() + " 元").orElse("未缴纳");
    }

    /**
     * Staff view of a lot's deposits. Before the opening: the total held only (who paid stays sealed). From the
     * opening time on: each payer with the amount.
     */
    public record LotDeposits(UUID lot, boolean opened, Money totalHeld, List<Payer> payers) {
        /** {@code guarantee} names the electronic guarantee in force (issuer and number), else null. */
        public record Payer(UUID member, String name, Money required, Money held, DepositState state, boolean secured,
                String guarantee) {
        }
    }

    @Transactional(readOnly = true)
    public LotDeposits lotDeposits(ProjectId project, LotId lot) {
        UUID lotId = lot.value();
        ProjectView p = lookups.project(project.value());
        lot(p, lotId);
        List<Deposit> all = accounts.ofLot(lotId);
        Money total = all.stream().map(Deposit::held).reduce(Money.ZERO, Money::plus);
        boolean opened = p.openingAt() != null && !clock.instant().isBefore(p.openingAt());
        List<LotDeposits.Payer> payers = !opened ? List.of() : all.stream().map(d -> {
            var g = guarantees.inForce(lotId, d.member());
            return new LotDeposits.Payer(d.member(), lookups.payee(d.member()).name(), d.required(), d.held(), d.state(),
                    d.secured() || g.isPresent(), g.map(x -> x.issuerName() + " " + x.number()).orElse(null));
        }).filter(x -> !x.held().isZero() || x.state() != DepositState.OPEN || x.guarantee() != null).toList();
        return new LotDeposits(lotId, opened, total, payers);
    }

    /**
     * Staff confirm a deposit that reached the collection account outside an imported statement (到账确认): posted to
     * the ledger like a receipt; until a statement carries it, reconciliation shows it as a difference.
     */
    public void confirmReceipt(CurrentUser staff, ProjectId projectId, LotId lot, MemberId memberId) {
        UUID lotId = lot.value();
        UUID member = memberId.value();
        ProjectView project = publishedProject(projectId.value(), lotId);
        DepositAccounts.Row row = openAccount(project, lotId, member);
        Deposit d = accounts.find(row.number().value()).orElseThrow();
        if (d.state() != DepositState.OPEN || d.secured()) {
            return;
        }
        Money missing = d.required().minus(d.held());
        if (missing.isZero()) {
            return;
        }
        JournalTransaction txn = d.credit("counter:" + lotId + ":" + member, missing, JournalTransaction.Kind.COUNTER_RECEIPT);
        journal.post(txn, clock.instant(), staff.accountId());
        events.publishEvent(new DepositEvents.CounterReceiptRecorded(lotId, missing.amount(), staff.accountId(), clock.instant()));
    }

    // suspense

    @Transactional(readOnly = true)
    public List<Statements.SuspenseItem> suspense() {
        return statements.openSuspense();
    }

    /** Staff accept a suspense credit as the deposit behind {@code virtualAccount}. */
    public void matchSuspense(CurrentUser staff, String bankRef, String virtualAccount, String note) {
        Statements.SuspenseItem item = statements.openSuspenseItem(bankRef)
                .orElseThrow(() -> ProblemException.notFound("suspense", bankRef));
        if (!"CRDT".equals(item.direction())) {
            throw ProblemException.rule("suspense-not-credit", "bankRef", "deposit.suspense.not-credit");
        }
        if (!VirtualAccountNumber.isValid(virtualAccount)) {
            throw ProblemException.invalid("virtualAccount", "deposit.virtual-account.invalid");
        }
        Deposit d = accounts.find(virtualAccount).orElseThrow(() -> ProblemException.notFound("virtualAccount", virtualAccount));
        if (d.state() != DepositState.OPEN) {
            throw ProblemException.conflict("deposit-closed", "virtualAccount", "deposit.closed");
        }
        journal.post(d.creditFromSuspense(bankRef, new Money(item.amount())), clock.instant(), staff.accountId());
        statements.resolveSuspense(bankRef, "MATCHED", staff.accountId(), clock.instant(), note);
        events.publishEvent(new DepositEvents.SuspenseResolved(bankRef, "MATCHED", note, staff.accountId(), clock.instant()));
    }

    /** Staff send a suspense credit back to its payer, with the reason (required, checked at the web edge). */
    public void returnSuspense(CurrentUser staff, String bankRef, String reason) {
        Statements.SuspenseItem item = statements.openSuspenseItem(bankRef)
                .orElseThrow(() -> ProblemException.notFound("suspense", bankRef));
        Money amount = new Money(item.amount());
        JournalTransaction txn = "CRDT".equals(item.direction())
                ? JournalTransaction.of("suspense-return:" + bankRef, JournalTransaction.Kind.SUSPENSE_RETURNED, null,
                        null, reason, new JournalTransaction.Line(LedgerAccount.SUSPENSE, LedgerAccount.BANK, amount))
                : JournalTransaction.of("suspense-return:" + bankRef, JournalTransaction.Kind.SUSPENSE_RETURNED, null,
                        null, reason, new JournalTransaction.Line(LedgerAccount.BANK, LedgerAccount.SUSPENSE, amount));
        journal.post(txn, clock.instant(), staff.accountId());
        statements.resolveSuspense(bankRef, "RETURNED", staff.accountId(), clock.instant(), reason);
        events.publishEvent(new DepositEvents.SuspenseResolved(bankRef, "RETURNED", reason, staff.accountId(), clock.instant()));
    }

    /** The ledger's self-check: trial balance (zero), bank balance, and projection drift against the journal. */
    public record LedgerCheck(BigDecimal trialBalance, BigDecimal bankBalance, BigDecimal suspenseBalance,
            Map<String, BigDecimal> drift, Instant at) {
    }

    @Transactional(readOnly = true)
    public LedgerCheck check() {
        return new LedgerCheck(journal.trialBalance(), journal.balance(LedgerAccount.BANK),
                journal.balance(LedgerAccount.SUSPENSE).negate(), journal.projectionDrift(), clock.instant());
    }

    /** Rebuilds the balance projection from the journal (after a restore, or to prove it can be). */
    public LedgerCheck rebuildBalances() {
        journal.rebuildBalances();
        return check();
    }
}
