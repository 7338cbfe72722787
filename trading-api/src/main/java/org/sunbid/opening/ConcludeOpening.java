package org.sunbid.opening;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.bid.BidEvents;
import org.sunbid.bid.DepositGate;
import org.sunbid.bid.SealedBids;
import org.sunbid.document.DocumentId;
import org.sunbid.document.DocumentKind;
import org.sunbid.document.DocumentManagement;
import org.sunbid.document.PlatformDocuments;
import org.sunbid.document.Visibility;
import org.sunbid.notice.NoticeKind;
import org.sunbid.opening.internal.BidDecryptions;
import org.sunbid.opening.internal.Names;
import org.sunbid.opening.internal.OpeningLots;
import org.sunbid.opening.internal.OpeningNotices;
import org.sunbid.opening.internal.OpeningSessions;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;

/**
 * Ends the opening: once every bid is opened or ended the signed opening record is issued and published and the
 * objection period begins; at the self-decryption window's end the bids still awaiting their bidders are ended first.
 */
@Service
@Transactional
public class ConcludeOpening {

    private final OpeningLots lots;
    private final OpeningSessions sessions;
    private final BidDecryptions decryptions;
    private final SealedBids bids;
    private final DepositGate deposits;
    private final DocumentManagement documents;
    private final OpeningNotices notices;
    private final Names names;
    private final OpeningHall hall;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration objectionWindow;

    ConcludeOpening(OpeningLots lots, OpeningSessions sessions, BidDecryptions decryptions, SealedBids bids,
            DepositGate deposits, DocumentManagement documents, OpeningNotices notices, Names names, OpeningHall hall,
            ApplicationEventPublisher events, Clock clock,
            @Value("${sunbid.opening.objection-window:PT30M}") Duration objectionWindow) {
        if (objectionWindow.isNegative() || objectionWindow.isZero()) {
            throw new IllegalArgumentException("sunbid.opening.objection-window must be positive");
        }
        this.lots = lots;
        this.sessions = sessions;
        this.decryptions = decryptions;
        this.bids = bids;
        this.deposits = deposits;
        this.documents = documents;
        this.notices = notices;
        this.names = names;
        this.hall = hall;
        this.events = events;
        this.clock = clock;
        this.objectionWindow = objectionWindow;
    }

    /**
     * The self-decryption window has passed: every bid still awaiting its bidder ends — revoked (撤销) when the cause was
     * the bidder's, withdrawn (撤回) otherwise — and the record is issued. Called by the scheduled job at the window's
     * end; a second call changes nothing.
     */
    public OpeningHall.SessionView closeSelfDecryptWindow(ProjectId project, LotId lot) {
        OpeningLots.Lot published = lots.published(project, lot);
        OpeningSession session = sessions.lock(lot)
                .orElseThrow(() -> OpeningRefused.ruleBroken("opening-not-started", "lotId", "bid.opening.not-started"));
        Instant now = clock.instant();
        if (session.windowDue(now)) {
            for (BidDecryption d : decryptions.ofLot(lot)) {
                if (d.stage() == BidDecryption.Stage.AWAITING_BIDDER) {
                    BidDecryption.Stage ended = d.windowClosed(now);
                    decryptions.saveStage(d);
                    bids.endAtOpening(d.bid(), ended == BidDecryption.Stage.REVOKED ? SealedBids.EndAtOpening.REVOKED
                            : SealedBids.EndAtOpening.WITHDRAWN, d.reason(), now);
                }
            }
            conclude(session, now);
        }
        return hall.view(null, published);
    }

    /** Decryption is over for every bid: the signed opening record is issued and published as a notice. */
    public void conclude(OpeningSession session, Instant now) {
        OpeningLots.Lot lot = lots.published(session.project(), session.lot());
        OpeningRecord record = OpeningRecord.of(lot.transactionCode(), lot.projectName(), lot.lotName(), now,
                lot.openingPlace(), decryptions.checkedInRecordOrder(session.lot()), names::bidder,
                bidder -> deposits.openingColumn(session.lot(), bidder));
        var document = documents.issue(new DocumentManagement.IssueRequest(DocumentKind.OPENING_RECORD,
                session.lot().value(), null, Visibility.PUBLIC, PlatformDocuments.openingRecord(record.document())));
        session.open(now, DocumentId.of(document.id()), objectionWindow);
        sessions.save(session);
        notices.publish(session.project(), NoticeKind.OPENING_RECORD, "开标记录：" + lot.projectName() + " " + lot.lotName(),
                record.noticeBody(document.id()), "opening:" + session.lot());
        events.publishEvent(new BidEvents.LotOpened(session.lot().value(), record.valid(), record.failed(), document.id(),
                now));
    }
}
