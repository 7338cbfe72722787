package org.sunbid.bid.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.bid.BidEvents;
import org.sunbid.bid.BidderEligibility;
import org.sunbid.bid.DepositGate;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;

/**
 * The rules of the moment for a submission, a replacement or a withdrawal: the deadline (one instant: at it and after
 * it nothing is accepted, whatever arrived earlier) and the gate (eligibility checks and the deposit). Every refusal is
 * logged in a transaction of its own, since the refused request's transaction rolls back.
 */
@Component
public class SubmissionRules {

    private final Bids bids;
    private final List<BidderEligibility> gates;
    private final DepositGate deposits;
    private final PlatformTransactionManager transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SubmissionRules(Bids bids, List<BidderEligibility> gates, DepositGate deposits,
            PlatformTransactionManager transactions, ApplicationEventPublisher events, Clock clock) {
        this.bids = bids;
        this.gates = gates;
        this.deposits = deposits;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    public void refuseAfterDeadline(Lots.Lot lot, Instant now, UUID member) {
        if (!now.isBefore(lot.bidDeadline())) {
            throw refused(member, lot, "deadline-passed", "bid.deadline-passed");
        }
    }

    /** The member may bid on the lot: every eligibility check passes and its deposit is secured. */
    public void gate(UUID member, Lots.Lot lot) {
        List<MemberId> others = bids.otherLiveBidders(lot.lotId(), member).stream().map(MemberId::of).toList();
        for (BidderEligibility g : gates) {
            Optional<BidderEligibility.Refusal> refusal = g.check(MemberId.of(member), ProjectId.of(lot.projectId()),
                    LotId.of(lot.lotId()), others);
            if (refusal.isPresent()) {
                throw refused(member, lot, refusal.get().rule(), refusal.get().messageKey());
            }
        }
        if (!depositSecured(lot.lotId(), member)) {
            throw refused(member, lot, "deposit-not-secured", "bid.deposit-not-secured");
        }
    }

    public boolean depositSecured(UUID lot, UUID member) {
        return deposits.secured(LotId.of(lot), MemberId.of(member));
    }

    private ProblemException refused(UUID member, Lots.Lot lot, String rule, String key) {
        Instant at = clock.instant();
        newTransaction().executeWithoutResult(status -> events.publishEvent(new BidEvents.BidRefused(lot.lotId(), member,
                rule, at)));
        return ProblemException.rule(rule, "lotId", key);
    }

    /** A short transaction of its own, committed before it returns. */
    public TransactionTemplate newTransaction() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return tx;
    }
}
