package org.sunbid.deposit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.deposit.internal.Deposit;
import org.sunbid.deposit.internal.DepositAccounts;
import org.sunbid.deposit.internal.DepositProperties;
import org.sunbid.deposit.internal.InterestCalculator;
import org.sunbid.deposit.internal.Journal;
import org.sunbid.deposit.internal.Pain001Writer;
import org.sunbid.deposit.internal.RefundPolicy;
import org.sunbid.deposit.internal.Refunds;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.platform.PlatformZone;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.scheduler.JobScheduler;

/**
 * Refunds: the port refund triggers arrive through ({@link #refundsDue}, {@link #refundDue}), refund batches made
 * by one staff member and approved by another (maker–checker), written as pain.001 to the bank folder, and
 * returned refunds sent again to the bidder's registered basic account.
 */
@Service
@Transactional
public class RefundManagement {

    /** Job kind that raises the supervision alert when a refund is still unpaid at its due time. */
    public static final String LATE_REFUND_JOB = "deposit-refund-late";

    private final Refunds refunds;
    private final DepositAccounts accounts;
    private final Journal journal;
    private final DepositLookups lookups;
    private final DepositProperties properties;
    private final PlatformProperties platform;
    private final JobScheduler scheduler;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RefundManagement(Refunds refunds, DepositAccounts accounts, Journal journal, DepositLookups lookups,
            DepositProperties properties, PlatformProperties platform, JobScheduler scheduler,
            ApplicationEventPublisher events, Clock clock) {
        this.refunds = refunds;
        this.accounts = accounts;
        this.journal = journal;
        this.lookups = lookups;
        this.properties = properties;
        this.platform = platform;
        this.scheduler = scheduler;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The port for refund triggers (award notice, contract signed, failed or terminated tender): proposes a refund
     * for every deposit of {@code lot} that holds money, except {@code except}. Idempotent per deposit.
     */
    public List<RefundId> refundsDue(LotId lot, RefundReason reason, java.time.Instant trigger, Set<MemberId> except) {
        List<RefundId> proposed = new ArrayList<>();
        for (Deposit d : accounts.ofLot(lot.value())) {
            if (!except.contains(MemberId.of(d.member()))) {
                propose(d, reason, trigger).ifPresent(proposed::add);
            }
        }
        return proposed;
    }

    /** One bidder's refund is due (e.g. it withdrew before the deadline); empty when it holds nothing or has one. */
    public Optional<RefundId> refundDue(LotId lot, MemberId member, RefundReason reason, java.time.Instant trigger) {
        return accounts.find(lot.value(), member.value()).flatMap(d -> propose(d, reason, trigger));
    }

    private Optional<RefundId> propose(Deposit d, RefundReason reason, java.time.Instant trigger) {
        if (d.state() != DepositState.OPEN || d.held().isZero() || refunds.open(d.number().value()).isPresent()
                || refunds.forfeitPending(d.number().value())) {
            return Optional.empty();
        }
        var project = lookups.project(accounts.row(d.lot(), d.member()).orElseThrow().project());
        RefundPolicy.Terms terms = RefundPolicy.terms(reason, project.type(), trigger, properties.refundDays(),
                PlatformZone.ZONE, lookups::addWorkingDays);
        LocalDate today = clock.instant().atZone(PlatformZone.ZONE).toLocalDate();
        Money interest = terms.withInterest()
                ? new InterestCalculator(refunds.rates()).interest(refunds.credits(d.number().value(), today), today)
                : Money.ZERO;
        DepositLookups.Payee payee = lookups.payee(d.member());
        UUID id = UUID.randomUUID();
        refunds.insert(new Refunds.Refund(id, d.number().value(), d.lot(), d.member(), reason, terms.dueBy(), d.held(),
                interest, payee.account(), payee.name(), Refunds.State.PROPOSED, null, endToEndId(), clock.instant(),
                null, null));
        scheduler.schedule(LATE_REFUND_JOB, id.toString(), terms.dueBy());
        events.publishEvent(new DepositEvents.RefundProposed(id, d.lot(), reason.name(), terms.dueBy(), clock.instant()));
        return Optional.of(RefundId.of(id));
    }

    private static String endToEndId() {
        return "SBR" + UUID.randomUUID().toString().replace("-", "").substring(0, 29).toUpperCase(java.util.Locale.ROOT);
    }

    /** The bidder that withdrew bids again before the deadline: its unbatched withdrawal refund is cancelled. */
    public boolean bidAgain(LotId lot, MemberId member) {
        return refunds.cancelWithdrawalRefund(lot.value(), member.value());
    }

    /** A refund as staff see it in a batch. */
    public record RefundView(UUID id, UUID lot, String payeeName, String payeeAccount, RefundReason reason,
            java.time.Instant dueBy, Money principal, Money interest, Money total, String state, String endToEndId,
            String returnReason) {
    }

    static RefundView view(Refunds.Refund r) {
        return new RefundView(r.id(), r.lot(), r.payeeName(), r.payeeAccount(), r.reason(), r.dueBy(), r.principal(),
                r.interest(), r.total(), r.state().name(), r.endToEndId(), r.returnReason());
    }

    /** Unpaid refunds past their statutory due time, for regulators and staff. */
    @Transactional(readOnly = true)
    public List<RefundView> late() {
        return refunds.late(clock.instant()).stream().map(RefundManagement::view).toList();
    }

    @Transactional(readOnly = true)
    public List<RefundView> proposed() {
        return refunds.inState(Refunds.State.PROPOSED).stream().map(RefundManagement::view).toList();
    }

    public record BatchView(UUID id, String messageId, String painVersion, String state, UUID madeBy, UUID checkedBy,
            String file, List<RefundView> refunds) {
    }

    /** The maker puts every proposed refund into a new batch; nothing is posted or paid until a checker approves it. */
    public BatchView makeBatch(CurrentUser maker, Pain001Writer.Version version) {
        List<Refunds.Refund> due = refunds.inState(Refunds.State.PROPOSED);
        if (due.isEmpty()) {
            throw ProblemException.rule("no-refunds-due", null, "deposit.refund.none-due");
        }
        UUID id = UUID.randomUUID();
        String messageId = "SB" + clock.instant().atZone(PlatformZone.ZONE).toLocalDate().toString().replace("-", "")
                + id.toString().replace("-", "").substring(0, 16).toUpperCase(java.util.Locale.ROOT);
        refunds.insertBatch(new Refunds.Batch(id, messageId, version.id(), Refunds.BatchState.MADE, maker.accountId(),
                clock.instant(), null, null));
        for (Refunds.Refund r : due) {
            refunds.setState(r.id(), Refunds.State.IN_BATCH, id);
        }
        events.publishEvent(new DepositEvents.RefundBatchMade(id, due.size(),
                due.stream().map(r -> r.total().amount()).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add),
                maker.accountId(), clock.instant()));
        return batchView(id);
    }

    /**
     * A second staff member approves: each refund is posted (interest accrued, held plus interest to refunds
     * payable) and the pain.001 is written to the bank folder. The maker may not approve their own batch.
     */
    public BatchView approveBatch(CurrentUser checker, RefundBatchId batch) {
        UUID batchId = batch.value();
        Refunds.Batch b = refunds.lockBatch(batchId).orElseThrow(() -> ProblemException.notFound("batch", batchId));
        if (b.state() != Refunds.BatchState.MADE) {
            throw ProblemException.conflict("batch-decided", "batchId", "deposit.refund.batch-decided");
        }
        if (b.madeBy().equals(checker.accountId())) {
            throw ProblemException.rule("four-eyes", "batchId", "deposit.refund.four-eyes");
        }
        List<Refunds.Refund> members = refunds.ofBatch(batchId);
        for (Refunds.Refund r : members) {
            Deposit d = accounts.find(r.account()).orElseThrow();
            if (d.state() == DepositState.OPEN) {
                if (!r.interest().isZero()) {
                    journal.post(d.accrueInterest("interest:" + r.id(), r.interest()), clock.instant(), checker.accountId());
                }
                journal.post(d.approveRefund("refund:" + r.id()), clock.instant(), checker.accountId());
                accounts.saveState(d, clock.instant());
            }
            refunds.setState(r.id(), Refunds.State.INSTRUCTED, batchId);
        }
        Path[] written = writePain(b, members);
        Path file = written[1];
        String sha = sha256(written[0]);
        refunds.approveBatch(batchId, checker.accountId(), clock.instant(), file.toString());
        events.publishEvent(new DepositEvents.RefundBatchApproved(batchId, file.getFileName().toString(), sha,
                checker.accountId(), clock.instant()));
        return batchView(batchId);
    }

    /** A returned refund goes out again, to the bidder's basic account as registered now. */
    public RefundView reissue(CurrentUser staff, RefundId refund) {
        UUID refundId = refund.value();
        Refunds.Refund r = refunds.find(refundId).orElseThrow(() -> ProblemException.notFound("refund", refundId));
        if (r.state() != Refunds.State.RETURNED) {
            throw ProblemException.conflict("refund-not-returned", "refundId", "deposit.refund.not-returned");
        }
        DepositLookups.Payee payee = lookups.payee(r.member());
        refunds.redirect(refundId, payee.account(), payee.name(), endToEndId());
        return view(refunds.find(refundId).orElseThrow());
    }

    @Transactional(readOnly = true)
    public BatchView batch(RefundBatchId batch) {
        return batchView(batch.value());
    }

    private BatchView batchView(UUID id) {
        Refunds.Batch b = refunds.batch(id).orElseThrow(() -> ProblemException.notFound("batch", id));
        return new BatchView(b.id(), b.messageId(), b.painVersion(), b.state().name(), b.madeBy(), b.checkedBy(),
                b.file() == null ? null : Path.of(b.file()).getFileName().toString(),
                refunds.ofBatch(id).stream().map(RefundManagement::view).toList());
    }

    @Transactional(readOnly = true)
    public List<BatchView> batches() {
        return refunds.batches().stream().map(b -> batchView(b.id())).toList();
    }

    /** The written pain.001 of an approved batch. */
    @Transactional(readOnly = true)
    public Path painFile(RefundBatchId batch) {
        UUID batchId = batch.value();
        Refunds.Batch b = refunds.batch(batchId).orElseThrow(() -> ProblemException.notFound("batch", batchId));
        if (b.file() == null) {
            throw ProblemException.notFound("pain001", batchId);
        }
        return Path.of(b.file());
    }

    /** The due time of a refund passed: if it is still unpaid, the supervision log gets an alert. */
    public boolean alertIfLate(RefundId refund) {
        UUID refundId = refund.value();
        Optional<Refunds.Refund> r = refunds.find(refundId);
        boolean settled = r.isPresent()
                && (r.get().state() == Refunds.State.PAID || r.get().state() == Refunds.State.CANCELLED);
        if (r.isEmpty() || settled || !r.get().dueBy().isBefore(clock.instant().plusSeconds(1))) {
            return false;
        }
        refunds.markAlerted(refundId);
        events.publishEvent(new DepositEvents.RefundLate(refundId, r.get().lot(), r.get().dueBy(), clock.instant()));
        return true;
    }

    /** Writes the pain.001 to a part file; returns {part file, final name}. */
    private Path[] writePain(Refunds.Batch b, List<Refunds.Refund> members) {
        Path outbox = platform.dataDir().resolve(properties.outbox());
        Path file = outbox.resolve(b.messageId() + "." + b.painVersion() + ".xml");
        List<Pain001Writer.Transfer> transfers = members.stream()
                .map(r -> new Pain001Writer.Transfer(r.endToEndId(), r.total().amount(), r.payeeName(), r.payeeAccount(),
                        "保证金退还 deposit refund " + r.account())).toList();
        try {
            Files.createDirectories(outbox);
            Path tmp = Files.createTempFile(outbox, b.messageId(), ".part");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                Pain001Writer.write(Pain001Writer.Version.of(b.painVersion()).orElseThrow(),
                        b.messageId(), clock.instant().atZone(PlatformZone.ZONE).toOffsetDateTime(),
                        clock.instant().atZone(PlatformZone.ZONE).toLocalDate(),
                        new Pain001Writer.Debtor(properties.accountName(), properties.collectionAccount(), properties.bankBic()),
                        transfers, out);
            }
            // the bank folder sees the file only once the postings are committed; a rollback leaves nothing behind
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            try {
                                if (status == STATUS_COMMITTED) {
                                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                                } else {
                                    Files.deleteIfExists(tmp);
                                }
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    });
            return new Path[] { tmp, file };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) {
        try (var in = Files.newInputStream(file);
                var out = new DigestOutputStream(OutputStream.nullOutputStream(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(out);
            return HexFormat.of().formatHex(out.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
