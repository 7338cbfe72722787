package org.sunbid.bid.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.sunbid.archive.ArchiveManagement;
import org.sunbid.archive.ArchiveReason;
import org.sunbid.bid.BidEvents;
import org.sunbid.platform.id.ProjectId;

/**
 * A failed lot (流标) ends its project's bidding: the project's records are archived once the failure is committed,
 * by a job scheduled in the failure's own transaction (no second connection after the commit, nothing lost if the node
 * dies then). A project whose other lots are still before or in their opening is archived once the last one ends.
 */
@Component
class ArchiveOnFailure {

    private final ArchiveManagement archives;

    ArchiveOnFailure(ArchiveManagement archives) {
        this.archives = archives;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void onLotFailed(BidEvents.LotFailed failed) {
        archives.buildLater(ProjectId.of(failed.project()), ArchiveReason.FAILED);
    }
}
