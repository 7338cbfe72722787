package org.sunbid.opening.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.sunbid.notice.NoticeDraft;
import org.sunbid.notice.NoticeKind;
import org.sunbid.notice.NoticeManagement;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ProjectView;

/** The opening's public notices: the opening record, and the failed-tender notice (流标公告). */
@Component
public class OpeningNotices {

    private final NoticeManagement notices;
    private final OpeningLots lots;

    OpeningNotices(NoticeManagement notices, OpeningLots lots) {
        this.notices = notices;
        this.lots = lots;
    }

    /** Publishes once per {@code key}. */
    public void publish(ProjectId project, NoticeKind kind, String title, String body, String key) {
        ProjectView p = lots.project(project);
        notices.publish(new NoticeDraft(key, kind, p.id(), p.transactionCode(), p.name(), p.type().name(),
                p.procedure().name(), title, body, p.regionCode(), p.classificationCodes(), null, p.tendereeName(),
                p.agencyName(), null, p.bidDeadline(), p.openingAt(), List.of(), null));
    }
}
