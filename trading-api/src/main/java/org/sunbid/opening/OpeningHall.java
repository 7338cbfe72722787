package org.sunbid.opening;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.bid.OpeningKeys;
import org.sunbid.bid.SealedBids;
import org.sunbid.identity.AccountId;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.opening.internal.BidDecryptions;
import org.sunbid.opening.internal.Names;
import org.sunbid.opening.internal.Objections;
import org.sunbid.opening.internal.OpeningAccess;
import org.sunbid.opening.internal.OpeningLots;
import org.sunbid.opening.internal.OpeningSessions;
import org.sunbid.opening.internal.Participants;
import org.sunbid.opening.internal.SessionKeys;
import org.sunbid.platform.PlatformZone;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ProjectView;

/**
 * The opening hall as its participants see it (a query model over the session, the bids' decryption, who joined, the
 * custodians' releases, confirmations and objections). The number of bids and the bidders who joined appear only once
 * the session has started; a bidder sees other bidders' rows only once decryption is over.
 */
@Service
@Transactional(readOnly = true)
public class OpeningHall {

    /** What a participant of the opening hall sees. */
    public record SessionView(UUID lotId, String status, Integer bids, int threshold, List<Integer> releasedShares,
            Instant startedAt, Instant openedAt, UUID recordDocument, List<ResultView> results, UUID projectId,
            String transactionCode, String projectName, String lotName, Instant openingAt, String openingPlace,
            Instant serverTime, Instant selfDecryptUntil, Instant objectionsUntil, List<CustodianView> custodians,
            List<ParticipantView> participants, List<ConfirmationView> confirmations, List<ObjectionView> objections,
            Viewer you) {
    }

    /**
     * One bid in the hall. {@code stage}: QUEUED, DECRYPTING, VERIFYING, OPENED, AWAITING_BIDDER (the platform could
     * not open it; its bidder may self-decrypt), SELF_DECRYPTED, REVOKED (撤销), WITHDRAWN (撤回); {@code reason} names
     * a failure.
     */
    /**
     * One bid's row in the hall. {@code formViolations}: where the opened bid form breaks its published JSON Schema,
     * as "JSON pointer: reason" (empty when it conforms, absent before the form is read).
     */
    public record ResultView(UUID bidId, String bidder, String decryption, String signature, String hashCheck,
            BigDecimal price, String duration, String stage, String reason, boolean yours,
            List<String> formViolations) {
    }

    /** A custodian named for the lot: whether it joined and released its share (never the share). */
    public record CustodianView(int index, String name, boolean joined, boolean released, Instant releasedAt, boolean you) {
    }

    public record ParticipantView(String role, String name, Instant joinedAt, boolean you) {
    }

    public record ConfirmationView(String bidder, Instant confirmedAt) {
    }

    public record ObjectionView(UUID id, String bidder, String text, Instant raisedAt, String answer, Instant answeredAt,
            boolean yours) {
    }

    /** What the caller may do in the hall now. */
    public record Viewer(String role, boolean joined, boolean canJoin, boolean canSelfDecrypt, boolean canConfirm,
            boolean confirmed, boolean canObject, boolean canAnswer) {
    }

    /** An opening the caller can follow, for the hall's list. */
    public record OpeningSummary(UUID projectId, UUID lotId, String transactionCode, String projectName, String lotName,
            Instant openingAt, String openingPlace, String status) {
    }

    private static final int LIST_LIMIT = 200;

    private final OpeningLots lots;
    private final OpeningSessions sessions;
    private final BidDecryptions decryptions;
    private final Participants participants;
    private final Objections objections;
    private final SessionKeys sessionKeys;
    private final OpeningKeys keys;
    private final SealedBids bids;
    private final OpeningAccess access;
    private final Names names;
    private final Clock clock;

    OpeningHall(OpeningLots lots, OpeningSessions sessions, BidDecryptions decryptions, Participants participants,
            Objections objections, SessionKeys sessionKeys, OpeningKeys keys, SealedBids bids, OpeningAccess access,
            Names names, Clock clock) {
        this.lots = lots;
        this.sessions = sessions;
        this.decryptions = decryptions;
        this.participants = participants;
        this.objections = objections;
        this.sessionKeys = sessionKeys;
        this.keys = keys;
        this.bids = bids;
        this.access = access;
        this.names = names;
        this.clock = clock;
    }

    /** A 404 unless the lot is published. */
    public void requirePublished(ProjectId project, LotId lot) {
        lots.published(project, lot);
    }

    /** The hall as the caller may see it; a 404 for a bidder not on the lot, a custodian not named for it, or another tenderee. */
    public SessionView view(CurrentUser viewer, ProjectId project, LotId lot) {
        OpeningLots.Lot published = lots.published(project, lot);
        access.requireFollower(viewer, published);
        return view(viewer, published);
    }

    /** The lots whose opening the caller can follow: today's and upcoming ones, and any still in session. */
    public List<OpeningSummary> openings(CurrentUser user) {
        List<SealedBids.LotRef> refs = switch (user.role()) {
            case CUSTODIAN -> keys.lotsWithKeys(user.account(), LIST_LIMIT);
            case BIDDER -> bids.lotsOf(MemberId.of(user.requireMember()), LIST_LIMIT);
            default -> keys.lotsWithKeys(null, LIST_LIMIT);
        };
        Instant today = LocalDate.now(clock.withZone(PlatformZone.ZONE)).atStartOfDay(PlatformZone.ZONE).toInstant();
        Map<ProjectId, ProjectView> projects = new HashMap<>();
        List<OpeningSummary> list = new ArrayList<>();
        for (SealedBids.LotRef ref : refs) {
            ProjectView p = projects.computeIfAbsent(ref.project(), lots::project);
            if ((user.is(Role.TENDEREE) || user.is(Role.AGENT)) && !p.ownedBy(user.memberId().orElse(null))) {
                continue;
            }
            if (user.is(Role.BIDDER) && !access.isBidderOf(ref.lot(), MemberId.of(user.requireMember()))) {
                continue;
            }
            Optional<ProjectView.LotView> lot = p.lots().stream().filter(l -> l.id().equals(ref.lot().value())).findFirst();
            if (lot.isEmpty() || p.openingAt() == null) {
                continue;
            }
            OpeningSession session = sessions.find(ref.lot()).orElse(OpeningSession.notStarted(ref.lot(), ref.project()));
            if (!session.inSession() && p.openingAt().isBefore(today)) {
                continue;
            }
            list.add(new OpeningSummary(p.id(), ref.lot().value(), p.transactionCode(), p.name(),
                    "第" + lot.get().number() + "标段 " + lot.get().name(), p.openingAt(), p.openingPlace(),
                    session.state().code()));
        }
        list.sort(Comparator.comparing(OpeningSummary::openingAt).thenComparing(OpeningSummary::lotName));
        return list;
    }

    /** The hall; {@code viewer} null means the full view (the platform itself, staff starting a session). */
    SessionView view(CurrentUser viewer, OpeningLots.Lot lot) {
        LotId lotId = lot.lot();
        OpeningSession session = sessions.find(lotId).orElse(OpeningSession.notStarted(lotId, lot.project()));
        boolean started = session.started();
        Instant now = clock.instant();
        boolean bidder = viewer != null && viewer.is(Role.BIDDER);
        MemberId member = viewer == null ? null : viewer.memberId().map(MemberId::of).orElse(null);
        UUID account = viewer == null ? null : viewer.accountId();

        List<BidDecryption> decrypting = started ? decryptions.ofLot(lotId) : List.of();
        boolean decrypted = session.revealsOtherBids();
        boolean waiting = session.state() instanceof OpeningSession.WaitingForShares;
        String status = session.state().code();
        Map<MemberId, String> bidderNames = new HashMap<>();
        List<ResultView> rows = new ArrayList<>();
        for (BidDecryption d : decrypting) {
            boolean yours = bidder && d.bidder().equals(member);
            if (bidder && !decrypted && !yours) {
                continue;
            }
            String name = bidderNames.computeIfAbsent(d.bidder(), names::bidder);
            BidDecryption.Checks c = d.checks().orElse(null);
            rows.add(c == null ? new ResultView(d.bid().value(), name, null, null, null, null, null, d.stage().name(),
                    d.reason(), yours, null)
                    : new ResultView(d.bid().value(), name, c.decryption().code(), c.signature().name(), c.hash().name(),
                            c.form().price(), c.form().duration(), d.stage().name(), d.reason(), yours,
                            c.form().json() == null ? null
                                    : c.form().violations().stream().map(Object::toString).toList()));
        }
        Integer count = !started || bidder && !decrypted ? null : !decrypting.isEmpty() ? Integer.valueOf(decrypting.size())
                : decrypted ? Integer.valueOf(0) : Integer.valueOf(bids.live(lotId).size());

        List<Participants.Participant> joined = participants.of(lotId);
        Set<UUID> joinedAccounts = new HashSet<>();
        joined.forEach(j -> joinedAccounts.add(j.account()));
        // Released shares are stored only sealed to the session's current key. While the session waits for shares, a
        // release recorded but sealed to a key since lost (its node died) counts as not released, so its custodian is
        // asked to release again.
        Set<Integer> held = waiting ? sessionKeys.current(lotId).filter(sessionKeys::holderAlive).map(sessionKeys::released)
                .orElse(Set.of()) : Set.of();
        Map<Integer, Instant> releases = sessions.releases(lotId);
        List<CustodianView> custodians = keys.shareHolders(lotId).stream().map(h -> {
            Instant releasedAt = releases.get(h.index());
            boolean isReleased = releasedAt != null && (!waiting || held.contains(h.index()));
            return new CustodianView(h.index(), names.account(h.custodian()), joinedAccounts.contains(h.custodian()),
                    isReleased, isReleased ? releasedAt : null, h.custodian().equals(account));
        }).toList();
        List<Integer> releasedIndexes = releases.keySet().stream().filter(i -> !waiting || held.contains(i)).toList();
        List<ParticipantView> participantViews = joined.stream()
                .filter(j -> (bidder ? decrypted : started) || !j.role().equals("BIDDER") || j.account().equals(account))
                .map(j -> new ParticipantView(j.role(), j.displayName(), j.joinedAt(), j.account().equals(account))).toList();
        List<Objections.Confirmation> confirmationRows = started ? objections.confirmations(lotId) : List.of();
        List<ConfirmationView> confirmations = confirmationRows.stream()
                .map(c -> new ConfirmationView(bidderNames.computeIfAbsent(MemberId.of(c.member()), names::bidder),
                        c.confirmedAt()))
                .toList();
        List<ObjectionView> objectionViews = started ? objections.of(lotId).stream()
                .map(o -> new ObjectionView(o.id(), bidderNames.computeIfAbsent(MemberId.of(o.member()), names::bidder),
                        o.text(), o.raisedAt(), o.answer(), o.answeredAt(),
                        bidder && member != null && o.member().equals(member.value())))
                .toList() : List.of();

        boolean objectionPeriod = session.inObjectionPeriod(now);
        boolean confirmed = bidder && member != null
                && confirmationRows.stream().anyMatch(c -> c.member().equals(member.value()));
        boolean canSelfDecrypt = bidder && session.state() instanceof OpeningSession.SelfDecryptWindow window
                && now.isBefore(window.until())
                && rows.stream().anyMatch(r -> r.yours() && r.stage().equals(BidDecryption.Stage.AWAITING_BIDDER.name()));
        Viewer you = viewer == null ? null : new Viewer(viewer.role().name(), joinedAccounts.contains(account),
                (bidder || viewer.is(Role.CUSTODIAN)) && !joinedAccounts.contains(account), canSelfDecrypt,
                bidder && objectionPeriod && !confirmed, confirmed, bidder && objectionPeriod,
                viewer.is(Role.STAFF) || viewer.is(Role.ADMIN));
        Times times = Times.of(session.state());
        return new SessionView(lotId.value(), status, count, keys.key(lotId).map(OpeningKeys.LotKey::threshold).orElse(0),
                releasedIndexes, session.startedAt(), times.openedAt(), times.record(), rows, lot.project().value(),
                lot.transactionCode(), lot.projectName(), lot.lotName(), lot.openingAt(), lot.openingPlace(), now,
                times.selfDecryptUntil(), times.objectionsUntil(), custodians, participantViews, confirmations,
                objectionViews, you);
    }

    /** The instants and record a session's state carries, as the hall shows them. */
    private record Times(Instant openedAt, UUID record, Instant selfDecryptUntil, Instant objectionsUntil) {
        static Times of(OpeningSession.State state) {
            if (state instanceof OpeningSession.Opened o) {
                return new Times(o.at(), o.record(), o.selfDecryptUntil(), o.objectionsUntil());
            }
            if (state instanceof OpeningSession.SelfDecryptWindow w) {
                return new Times(null, null, w.until(), null);
            }
            if (state instanceof OpeningSession.Failed f) {
                return new Times(f.at(), null, null, null);
            }
            return new Times(null, null, null, null);
        }
    }
}
