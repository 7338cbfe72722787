package org.sunbid.opening;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.bid.BidEvents;
import org.sunbid.bid.SealedBids;
import org.sunbid.notice.NoticeKind;
import org.sunbid.opening.internal.OpeningLots;
import org.sunbid.opening.internal.OpeningNotices;
import org.sunbid.opening.internal.OpeningSessions;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;

/**
 * 开标: at the opening time the lot's session starts — or, with fewer than three bids, the lot fails (流标), nothing is
 * opened and the failure is published. Called by the scheduled job, or by staff after the opening time; idempotent.
 */
@Service
@Transactional
public class StartOpening {

    private final OpeningLots lots;
    private final OpeningSessions sessions;
    private final SealedBids bids;
    private final OpeningNotices notices;
    private final OpeningHall hall;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StartOpening(OpeningLots lots, OpeningSessions sessions, SealedBids bids, OpeningNotices notices, OpeningHall hall,
            ApplicationEventPublisher events, Clock clock) {
        this.lots = lots;
        this.sessions = sessions;
        this.bids = bids;
        this.notices = notices;
        this.hall = hall;
        this.events = events;
        this.clock = clock;
    }

    public OpeningHall.SessionView start(ProjectId project, LotId lot) {
        OpeningLots.Lot published = lots.published(project, lot);
        Instant now = clock.instant();
        OpeningSession.requireDue(published.openingAt(), now);
        bids.finishInterruptedCompletions(lot); // a completion a crash interrupted is finished before anything is counted
        List<SealedBids.SealedBid> live = bids.live(lot);
        OpeningSession session = OpeningSession.start(lot, project, published.openingAt(), live.size(), now);
        if (sessions.insert(session)) {
            if (session.state() instanceof OpeningSession.Failed) {
                notices.publish(project, NoticeKind.FAILED_TENDER,
                        "流标公告：" + published.projectName() + " " + published.lotName(),
                        "截至投标截止时间，" + published.lotName() + "递交投标文件的投标人不足 3 家，依法不予开标，本标段招标失败（流标）。"
                                + "Fewer than three bids were received by the deadline: the lot was not opened and the tender failed.",
                        "failed:" + lot);
                events.publishEvent(new BidEvents.LotFailed(lot.value(), project.value(), live.size(), now));
            } else {
                events.publishEvent(new BidEvents.OpeningStarted(lot.value(), live.size(), now));
            }
        }
        return hall.view(null, published);
    }
}
