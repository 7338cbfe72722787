package org.sunbid.award.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.sunbid.archive.ArchiveManagement;
import org.sunbid.archive.ArchiveReason;
import org.sunbid.award.AwardEvents;
import org.sunbid.platform.id.ProjectId;

/**
 * A completed project (every lot contracted) is archived once the completion is committed, by a job scheduled in the
 * completion's own transaction (no second connection after the commit, nothing lost if the node dies then).
 */
@Component
class ArchiveOnCompletion {

    private final ArchiveManagement archives;

    ArchiveOnCompletion(ArchiveManagement archives) {
        this.archives = archives;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void onCompleted(AwardEvents.ProjectCompleted completed) {
        archives.buildLater(ProjectId.of(completed.project()), ArchiveReason.COMPLETED);
    }
}
