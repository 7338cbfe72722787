package org.sunbid.award.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.sunbid.archive.ArchiveManagement;
import org.sunbid.archive.ArchiveReason;
import org.sunbid.award.AwardEvents;
import org.sunbid.platform.id.ProjectId;

/** A completed project (every lot contracted) is archived once the completion is committed. */
@Component
class ArchiveOnCompletion {

    private final ArchiveManagement archives;

    ArchiveOnCompletion(ArchiveManagement archives) {
        this.archives = archives;
    }

    @TransactionalEventListener
    void onCompleted(AwardEvents.ProjectCompleted completed) {
        archives.buildSeparately(ProjectId.of(completed.project()), ArchiveReason.COMPLETED, null);
    }
}
