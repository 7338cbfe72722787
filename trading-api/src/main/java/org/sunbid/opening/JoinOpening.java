package org.sunbid.opening;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.bid.BidEvents;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.opening.internal.Names;
import org.sunbid.opening.internal.OpeningAccess;
import org.sunbid.opening.internal.OpeningLots;
import org.sunbid.opening.internal.Participants;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;

/** A bidder of the lot or a custodian named for it enters the hall (签到); idempotent; anyone else gets a 404. */
@Service
@Transactional
public class JoinOpening {

    private final OpeningLots lots;
    private final OpeningAccess access;
    private final Participants participants;
    private final Names names;
    private final OpeningHall hall;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JoinOpening(OpeningLots lots, OpeningAccess access, Participants participants, Names names, OpeningHall hall,
            ApplicationEventPublisher events, Clock clock) {
        this.lots = lots;
        this.access = access;
        this.participants = participants;
        this.names = names;
        this.hall = hall;
        this.events = events;
        this.clock = clock;
    }

    public OpeningHall.SessionView join(CurrentUser user, ProjectId project, LotId lot) {
        OpeningLots.Lot published = lots.published(project, lot);
        String name;
        UUID member = null;
        if (user.is(Role.BIDDER)) {
            member = access.requireBidderOf(user, lot).value();
            name = names.bidder(MemberId.of(member));
        } else if (user.is(Role.CUSTODIAN) && access.isCustodianOf(lot, user.accountId())) {
            name = names.account(user.accountId());
        } else {
            throw ProblemException.notFound("opening", lot.value());
        }
        Instant now = clock.instant();
        if (participants.join(lot, new Participants.Participant(user.accountId(), user.role().name(), member, name, now))) {
            events.publishEvent(new BidEvents.OpeningJoined(lot.value(), user.accountId(), user.role().name(), now));
        }
        return hall.view(user, published);
    }
}
