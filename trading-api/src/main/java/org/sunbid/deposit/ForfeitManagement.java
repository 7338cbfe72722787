package org.sunbid.deposit;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.deposit.internal.Deposit;
import org.sunbid.deposit.internal.DepositAccounts;
import org.sunbid.deposit.internal.Journal;
import org.sunbid.deposit.internal.Refunds;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.platform.ProblemException;

/**
 * Forfeits (没收保证金: a bid revoked after the deadline, a winner refusing to sign — 实施条例 art. 35, 74): proposed
 * by staff with a reason, decided by a regulator, logged; nothing forfeits a deposit automatically.
 */
@Service
@Transactional
public class ForfeitManagement {

    private final Refunds refunds;
    private final DepositAccounts accounts;
    private final Journal journal;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ForfeitManagement(Refunds refunds, DepositAccounts accounts, Journal journal, ApplicationEventPublisher events,
            Clock clock) {
        this.refunds = refunds;
        this.accounts = accounts;
        this.journal = journal;
        this.events = events;
        this.clock = clock;
    }

    public UUID propose(CurrentUser staff, UUID lot, UUID member, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 400) {
            throw ProblemException.invalid("reason", "deposit.reason.required");
        }
        Deposit d = accounts.find(lot, member).orElseThrow(() -> ProblemException.notFound("deposit", lot));
        if (d.state() != DepositState.OPEN || d.held().isZero()) {
            throw ProblemException.conflict("deposit-not-held", "memberId", "deposit.not-held");
        }
        if (refunds.open(d.number().value()).isPresent() || refunds.forfeitPending(d.number().value())) {
            throw ProblemException.conflict("deposit-busy", "memberId", "deposit.busy");
        }
        UUID id = UUID.randomUUID();
        refunds.insertForfeit(new Refunds.Forfeit(id, d.number().value(), reason, Refunds.ForfeitState.PROPOSED,
                staff.accountId()), clock.instant());
        events.publishEvent(new DepositEvents.ForfeitProposed(id, lot, reason, staff.accountId(), clock.instant()));
        return id;
    }

    /** A regulator approves (the deposit is forfeited in the ledger) or rejects the proposal. */
    public void decide(CurrentUser regulator, UUID forfeitId, boolean approve) {
        if (regulator.role() != Role.REGULATOR) {
            throw ProblemException.forbidden("deposit.forfeit.regulator-only");
        }
        Refunds.Forfeit f = refunds.forfeit(forfeitId).orElseThrow(() -> ProblemException.notFound("forfeit", forfeitId));
        if (f.state() != Refunds.ForfeitState.PROPOSED) {
            throw ProblemException.conflict("forfeit-decided", "forfeitId", "deposit.forfeit.decided");
        }
        Deposit d = accounts.find(f.account()).orElseThrow();
        if (approve) {
            journal.post(d.forfeit("forfeit:" + forfeitId), clock.instant(), regulator.accountId());
            accounts.saveState(d, clock.instant());
        }
        refunds.decideForfeit(forfeitId, approve ? Refunds.ForfeitState.APPROVED : Refunds.ForfeitState.REJECTED,
                regulator.accountId(), clock.instant());
        events.publishEvent(new DepositEvents.ForfeitDecided(forfeitId, d.lot(), approve, regulator.accountId(),
                clock.instant()));
    }
}
