package org.sunbid.opening;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.bid.BidEvents;
import org.sunbid.identity.CurrentUser;
import org.sunbid.opening.internal.Objections;
import org.sunbid.opening.internal.OpeningAccess;
import org.sunbid.opening.internal.OpeningLots;
import org.sunbid.opening.internal.OpeningSessions;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ObjectionId;
import org.sunbid.project.ObjectionRecord;

/**
 * Once the record is issued and until the objection period ends, bidders of the lot confirm it or object to it (异议,
 * 实施条例 44); staff answer each objection once, and the answer is shown in the hall.
 */
@Service
@Transactional
public class OpeningObjections {

    static final int MAX_TEXT = 4000;

    private final OpeningLots lots;
    private final OpeningSessions sessions;
    private final Objections objections;
    private final OpeningAccess access;
    private final OpeningHall hall;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OpeningObjections(OpeningLots lots, OpeningSessions sessions, Objections objections, OpeningAccess access,
            OpeningHall hall, ApplicationEventPublisher events, Clock clock) {
        this.lots = lots;
        this.sessions = sessions;
        this.objections = objections;
        this.access = access;
        this.hall = hall;
        this.events = events;
        this.clock = clock;
    }

    /** A bidder of the lot confirms the opening record, during the objection period; idempotent. */
    public OpeningHall.SessionView confirm(CurrentUser bidder, ProjectId project, LotId lot) {
        OpeningLots.Lot published = lots.published(project, lot);
        MemberId member = access.requireBidderOf(bidder, lot);
        Instant now = clock.instant();
        session(published).requireObjectionPeriod(now);
        if (objections.confirm(lot, member.value(), bidder.accountId(), now)) {
            events.publishEvent(new BidEvents.OpeningRecordConfirmed(lot.value(), member.value(), now));
        }
        return hall.view(bidder, published);
    }

    /** A bidder of the lot objects to the opening, during the objection period. */
    public OpeningHall.SessionView object(CurrentUser bidder, ProjectId project, LotId lot, String text) {
        OpeningLots.Lot published = lots.published(project, lot);
        MemberId member = access.requireBidderOf(bidder, lot);
        String trimmed = text(text, "text", "bid.objection.text");
        Instant now = clock.instant();
        session(published).requireObjectionPeriod(now);
        UUID id = UUID.randomUUID();
        objections.raise(id, lot, member.value(), bidder.accountId(), trimmed, now);
        events.publishEvent(new BidEvents.OpeningObjectionRaised(id, lot.value(), member.value(), now));
        return hall.view(bidder, published);
    }

    /** Staff answer an objection, once. */
    public OpeningHall.SessionView answer(CurrentUser staff, ProjectId project, LotId lot, ObjectionId answered,
            String answer) {
        UUID objection = answered.value();
        OpeningLots.Lot published = lots.published(project, lot);
        String trimmed = text(answer, "answer", "bid.objection.answer");
        if (objections.of(lot).stream().noneMatch(o -> o.id().equals(objection))) {
            throw ProblemException.notFound("objection", objection);
        }
        Instant now = clock.instant();
        if (!objections.answer(lot, objection, trimmed, staff.accountId(), now)) {
            throw ProblemException.conflict("objection-answered", "objectionId", "bid.objection.answered");
        }
        events.publishEvent(new BidEvents.OpeningObjectionAnswered(objection, lot.value(), staff.accountId(), now));
        return hall.view(staff, published);
    }

    /** One objection to an opening, for the complaint that may follow it (实施条例 art. 60). */
    @Transactional(readOnly = true)
    public java.util.Optional<ObjectionRecord> objection(ObjectionId objectionId) {
        return objections.find(objectionId.value()).flatMap(this::record);
    }

    /** The member's own objections to openings, newest first. */
    @Transactional(readOnly = true)
    public java.util.List<ObjectionRecord> objectionsFiledBy(MemberId member) {
        return objections.raisedBy(member.value()).stream().flatMap(r -> record(r).stream()).toList();
    }

    /**
     * The answer is due on the spot (实施条例 art. 44): an objection still unanswered when the objection period ends
     * counts as not answered in time.
     */
    private java.util.Optional<ObjectionRecord> record(Objections.Raised r) {
        return sessions.find(r.lot()).map(s -> {
            Objections.Objection o = r.objection();
            Instant due = s.state() instanceof OpeningSession.Opened opened && opened.objectionsUntil() != null
                    ? opened.objectionsUntil() : o.raisedAt();
            return new ObjectionRecord(o.id(), s.project(), MemberId.of(o.member()), o.raisedAt(), due, o.answeredAt(),
                    ObjectionRecord.Subject.OPENING);
        });
    }

    private OpeningSession session(OpeningLots.Lot lot) {
        return sessions.find(lot.lot()).orElse(OpeningSession.notStarted(lot.lot(), lot.project()));
    }

    private static String text(String text, String field, String key) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_TEXT) {
            throw ProblemException.invalid(field, key, MAX_TEXT);
        }
        return trimmed;
    }
}
