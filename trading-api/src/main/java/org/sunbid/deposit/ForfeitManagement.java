package org.sunbid.deposit;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.deposit.internal.Deposit;
import org.sunbid.deposit.internal.DepositAccounts;
import org.sunbid.deposit.internal.GuaranteeClaimLetter;
import org.sunbid.deposit.internal.Guarantees;
import org.sunbid.deposit.internal.Journal;
import org.sunbid.deposit.internal.Refunds;
import org.sunbid.document.DocumentKind;
import org.sunbid.document.DocumentManagement;
import org.sunbid.document.SignedDocument;
import org.sunbid.document.Visibility;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.project.ProjectView;

/**
 * Forfeits (没收保证金: a bid revoked after the deadline, a winner refusing to sign — 实施条例 art. 35, 74): proposed
 * by staff with a reason, decided by a regulator, logged; nothing forfeits a deposit automatically. A deposit secured
 * by an electronic guarantee is claimed instead: the platform issues a signed demand letter to the issuer.
 */
@Service
@Transactional
public class ForfeitManagement {

    private final Refunds refunds;
    private final DepositAccounts accounts;
    private final Journal journal;
    private final Guarantees guarantees;
    private final DocumentManagement documents;
    private final DepositLookups lookups;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ForfeitManagement(Refunds refunds, DepositAccounts accounts, Journal journal, Guarantees guarantees,
            DocumentManagement documents, DepositLookups lookups, ApplicationEventPublisher events, Clock clock) {
        this.refunds = refunds;
        this.accounts = accounts;
        this.journal = journal;
        this.guarantees = guarantees;
        this.documents = documents;
        this.lookups = lookups;
        this.events = events;
        this.clock = clock;
    }

    /** Staff propose forfeiting a bidder's deposit; {@code reason} (1–400 characters) is checked at the web edge. */
    public ForfeitId propose(CurrentUser staff, LotId lotId, MemberId memberId, String reason) {
        UUID lot = lotId.value();
        UUID member = memberId.value();
        Deposit d = accounts.find(lot, member).orElseThrow(() -> ProblemException.notFound("deposit", lot));
        if (d.state() != DepositState.OPEN
                || d.held().isZero() && guarantees.inForce(lot, member).isEmpty()) {
            throw ProblemException.conflict("deposit-not-held", "memberId", "deposit.not-held");
        }
        if (refunds.open(d.number().value()).isPresent() || refunds.forfeitPending(d.number().value())) {
            throw ProblemException.conflict("deposit-busy", "memberId", "deposit.busy");
        }
        UUID id = UUID.randomUUID();
        refunds.insertForfeit(new Refunds.Forfeit(id, d.number().value(), reason, Refunds.ForfeitState.PROPOSED,
                staff.accountId()), clock.instant());
        events.publishEvent(new DepositEvents.ForfeitProposed(id, lot, reason, staff.accountId(), clock.instant()));
        return ForfeitId.of(id);
    }

    /** A regulator approves (the deposit is forfeited in the ledger) or rejects the proposal. */
    public void decide(CurrentUser regulator, ForfeitId forfeit, boolean approve) {
        UUID forfeitId = forfeit.value();
        if (regulator.role() != Role.REGULATOR) {
            throw ProblemException.forbidden("deposit.forfeit.regulator-only");
        }
        Refunds.Forfeit f = refunds.forfeit(forfeitId).orElseThrow(() -> ProblemException.notFound("forfeit", forfeitId));
        if (f.state() != Refunds.ForfeitState.PROPOSED) {
            throw ProblemException.conflict("forfeit-decided", "forfeitId", "deposit.forfeit.decided");
        }
        Deposit d = accounts.find(f.account()).orElseThrow();
        if (approve && !d.held().isZero()) {
            journal.post(d.forfeit("forfeit:" + forfeitId), clock.instant(), regulator.accountId());
            accounts.saveState(d, clock.instant());
        } else if (approve) {
            Guarantees.Guarantee g = guarantees.inForce(d.lot(), d.member())
                    .orElseThrow(() -> ProblemException.conflict("deposit-not-held", "forfeitId", "deposit.not-held"));
            claim(g, f, regulator);
        }
        refunds.decideForfeit(forfeitId, approve ? Refunds.ForfeitState.APPROVED : Refunds.ForfeitState.REJECTED,
                regulator.accountId(), clock.instant());
        events.publishEvent(new DepositEvents.ForfeitDecided(forfeitId, d.lot(), approve, regulator.accountId(),
                clock.instant()));
    }

    /** A forfeit as regulators and staff see it: names, not ids, beside the ids the decision needs. */
    public record ForfeitView(UUID id, String project, String lot, String bidder, Money held, String guarantee,
            String reason, Refunds.ForfeitState state, java.time.Instant proposedAt, java.time.Instant decidedAt) {
    }

    @Transactional(readOnly = true)
    public java.util.List<ForfeitView> list() {
        return refunds.forfeits().stream().map(f -> {
            ProjectView p = lookups.project(f.project());
            String lotName = p.lots().stream().filter(l -> l.id().equals(f.lot()))
                    .map(l -> l.number() + " " + l.name()).findFirst().orElse("");
            Money held = accounts.peek(f.lot(), f.member()).map(Deposit::held).orElse(Money.ZERO);
            String guarantee = guarantees.ofLot(f.lot()).stream().filter(g -> g.member().equals(f.member()))
                    .map(g -> g.issuerName() + " " + g.number() + "（" + g.amount() + " 元）").findFirst().orElse(null);
            return new ForfeitView(f.id(), p.name(), lotName, lookups.payee(f.member()).name(), held, guarantee,
                    f.reason(), f.state(), f.proposedAt(), f.decidedAt());
        }).toList();
    }

    /** Issues the platform-signed demand letter under the guarantee and marks the guarantee claimed. */
    private void claim(Guarantees.Guarantee g, Refunds.Forfeit f, CurrentUser regulator) {
        ProjectView p = lookups.project(g.project());
        String lotName = p.lots().stream().filter(l -> l.id().equals(g.lot())).map(ProjectView.LotView::name)
                .findFirst().orElse(g.lot().toString());
        GuaranteeClaimLetter.Claim claim = new GuaranteeClaimLetter.Claim(g, p.transactionCode(), p.name(), lotName,
                p.tendereeName(), lookups.payee(g.member()).name(), f.reason(), clock.instant());
        SignedDocument letter = documents.issue(new DocumentManagement.IssueRequest(DocumentKind.GUARANTEE_CLAIM,
                g.id(), g.member(), Visibility.OWNER, GuaranteeClaimLetter.of(claim)));
        guarantees.markClaimed(g.id(), letter.id(), clock.instant());
        events.publishEvent(new DepositEvents.GuaranteeClaimed(g.id(), g.lot(), f.id(), letter.id(), letter.sha256(),
                regulator.accountId(), clock.instant()));
    }
}
