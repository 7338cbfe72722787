package org.sunbid.deposit;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.deposit.internal.BankEntry;
import org.sunbid.deposit.internal.BulkMatching;
import org.sunbid.deposit.internal.Camt053Reader;
import org.sunbid.deposit.internal.CsvStatementReader;
import org.sunbid.deposit.internal.Deposit;
import org.sunbid.deposit.internal.DepositAccounts;
import org.sunbid.deposit.internal.DepositProperties;
import org.sunbid.deposit.internal.Journal;
import org.sunbid.deposit.internal.LedgerAccount;
import org.sunbid.deposit.internal.Refunds;
import org.sunbid.deposit.internal.StatementHeader;
import org.sunbid.deposit.internal.StatementMatching;
import org.sunbid.deposit.internal.StatementSink;
import org.sunbid.deposit.internal.StatementStage;
import org.sunbid.deposit.internal.Statements;
import org.sunbid.identity.AccountId;
import org.sunbid.member.MemberManagement;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.MemberId;

/**
 * Imports one bank statement in one transaction: every entry is matched and posted, or, on any bad input, nothing
 * is. Entries stream into a staging table with COPY and plain credits are matched and posted set-based (see
 * docs/deposits.md, "Import at scale"). Entries already imported (same bank reference) are skipped; a reference re-used with another amount or
 * direction refuses the whole statement.
 */
@Service
public class StatementImports {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StatementImports.class);

    private final Statements statements;
    private final StatementStage staging;
    private final BulkMatching bulk;
    private final DepositAccounts accounts;
    private final Refunds refunds;
    private final Journal journal;
    private final MemberManagement members;
    private final DepositProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StatementImports(Statements statements, StatementStage staging, BulkMatching bulk, DepositAccounts accounts,
            Refunds refunds, Journal journal, MemberManagement members, DepositProperties properties,
            ApplicationEventPublisher events, Clock clock) {
        this.statements = statements;
        this.staging = staging;
        this.bulk = bulk;
        this.accounts = accounts;
        this.refunds = refunds;
        this.journal = journal;
        this.members = members;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ImportReport importStatement(StatementFormat format, InputStream in, AccountId by) {
        Run run = new Run(format, AccountId.uuidOrNull(by));
        InputStream bounded = new Bounded(in, properties.maxStatementBytes());
        try {
            if (format == StatementFormat.CAMT053) {
                Camt053Reader.read(bounded, run);
            } else {
                CsvStatementReader.read(bounded, run);
            }
        } catch (RuntimeException e) {
            run.closeStage(); // the COPY must end before the transaction can roll back
            throw e;
        }
        return run.finish();
    }

    /**
     * One import: entries stream into the staging table as they are read; at the end plain credits are matched and
     * posted set-based, then debits and returns one by one in statement order (they depend on refund state).
     */
    private final class Run implements StatementSink, StatementMatching.Lookup {
        private final StatementFormat format;
        private final UUID by;
        private final UUID id = UUID.randomUUID();
        private final Map<UUID, Optional<String>> basicAccounts = new HashMap<>();
        private StatementHeader header;
        private StatementStage.Writer stage;
        private int entries;
        private int credited;
        private BigDecimal creditedTotal = BigDecimal.ZERO;
        private int flaggedShort;
        private int flaggedExcess;
        private int suspense;
        private BigDecimal suspenseTotal = BigDecimal.ZERO;
        private int paid;
        private int returned;
        private int reversed;

        private final long started = System.nanoTime();

        Run(StatementFormat format, UUID by) {
            this.format = format;
            this.by = by;
        }

        @Override
        public void header(StatementHeader h) {
            if (!StatementMatching.normalise(h.account()).equals(properties.collectionAccount())) {
                throw ProblemException.rule("wrong-account", "statement.Acct", "deposit.statement.wrong-account",
                        h.account());
            }
            if (h.currency() != null && !h.currency().equals("CNY")) {
                throw ProblemException.rule("wrong-currency", "statement.Acct.Ccy", "deposit.statement.wrong-currency",
                        h.currency());
            }
            header = h;
            statements.insertStatement(id, format.name(), h, clock.instant(), by);
        }

        @Override
        public void entry(BankEntry e) {
            if (stage == null) {
                stage = staging.open();
            }
            entries++;
            stage.add(e);
        }

        void closeStage() {
            if (stage != null) {
                stage.close();
            }
        }

        private int matchStaged() {
            if (stage == null) {
                return 0;
            }
            stage.finish();
            long staged = System.nanoTime();
            bulk.reusedReference(stage.repeats()).ifPresent(ref -> {
                throw ProblemException.conflict("bank-reference-reused", "statement.Ntry.AcctSvcrRef",
                        "deposit.statement.reference-reused", ref);
            });
            long checked = System.nanoTime();
            BulkMatching.Counts c = bulk.post(id, clock.instant(), by, this::basicAccount);
            long posted = System.nanoTime();
            credited = c.credited();
            creditedTotal = c.creditedTotal();
            flaggedShort = c.flaggedShort();
            flaggedExcess = c.flaggedExcess();
            suspense = c.suspense();
            suspenseTotal = c.suspenseTotal();
            List<BankEntry> perEntry = staging.perEntry();
            perEntry.forEach(this::postOne);
            log.debug("statement {}: {} entries; parse and stage {} ms, references {} ms, match and post {} ms, "
                    + "per-entry {} ms", id, entries, millis(started, staged), millis(staged, checked),
                    millis(checked, posted), millis(posted, System.nanoTime()));
            return c.fresh() + perEntry.size();
        }

        private void postOne(BankEntry e) {
            StatementMatching.Match m = StatementMatching.decide(e, this);
            journal.post(m.transaction(), clock.instant(), by);
            m.deposit().ifPresent(d -> accounts.saveState(d, clock.instant()));
            statements.insertEntry(id, e, m.outcome(), m.difference());
            switch (m.outcome()) {
                case CREDITED, CREDITED_SHORT, CREDITED_EXCESS -> {
                    credited++;
                    creditedTotal = creditedTotal.add(e.amount().amount());
                    flaggedShort += m.outcome() == StatementMatching.Outcome.CREDITED_SHORT ? 1 : 0;
                    flaggedExcess += m.outcome() == StatementMatching.Outcome.CREDITED_EXCESS ? 1 : 0;
                }
                case REFUND_PAID -> {
                    paid++;
                    refunds.settled(e.endToEndId(), clock.instant());
                }
                case REFUND_RETURNED -> {
                    returned++;
                    refunds.returned(e.endToEndId(), e.returnReason());
                }
                case REVERSED -> reversed++;
                default -> {
                    suspense++;
                    suspenseTotal = suspenseTotal.add(e.amount().amount());
                }
            }
        }

        ImportReport finish() {
            int fresh = matchStaged();
            int duplicates = entries - fresh;
            BigDecimal ledger = journal.balance(LedgerAccount.BANK);
            BigDecimal closing = header.closingBalance();
            BigDecimal difference = closing == null ? null : closing.subtract(ledger);
            statements.finishStatement(id, entries, fresh, ledger, difference);
            events.publishEvent(new DepositEvents.StatementImported(id, header.statementRef(), fresh, creditedTotal,
                    suspense, difference, by, clock.instant()));
            return new ImportReport(id, format, header.statementRef(), entries, fresh, duplicates, credited,
                    creditedTotal, flaggedShort, flaggedExcess, suspense, suspenseTotal, paid, returned, reversed,
                    closing, ledger, difference, difference != null && difference.signum() == 0);
        }

        @Override
        public Optional<Deposit> deposit(String virtualAccount) {
            return VirtualAccountNumber.isValid(virtualAccount) ? accounts.find(virtualAccount) : Optional.empty();
        }

        @Override
        public Optional<String> basicAccount(UUID member) {
            return basicAccounts.computeIfAbsent(member, m -> members.find(MemberId.of(m))
                    .map(d -> d.company() == null || d.company().bankAccount() == null ? null
                            : d.company().bankAccount().accountNumber()));
        }

        @Override
        public Optional<StatementMatching.Refunded> refund(String endToEndId) {
            return refunds.byEndToEndId(endToEndId).flatMap(r -> accounts.find(r.account())
                    .map(d -> new StatementMatching.Refunded(d, r.total())));
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** Refuses a statement larger than the configured limit while it streams, before it is all read. */
    private static final class Bounded extends FilterInputStream {
        private final long max;
        private long count;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            count += n;
            if (count > max) {
                throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "statement-too-large", "statement",
                        "deposit.statement.too-large", max);
            }
        }
    }
}
