package org.sunbid.bid.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.sunbid.archive.ArchiveManagement;
import org.sunbid.archive.ArchiveReason;
import org.sunbid.bid.BidEvents;
import org.sunbid.platform.id.ProjectId;

/** A failed lot (流标) ends its project's bidding: the project's records are archived once the failure is committed. */
@Component
class ArchiveOnFailure {

    private final ArchiveManagement archives;

    ArchiveOnFailure(ArchiveManagement archives) {
        this.archives = archives;
    }

    /** A project whose other lots are still before or in their opening is archived once the last one ends. */
    @TransactionalEventListener
    void onLotFailed(BidEvents.LotFailed failed) {
        if (archives.archivable(ProjectId.of(failed.project()))) {
            archives.buildSeparately(ProjectId.of(failed.project()), ArchiveReason.FAILED, null);
        }
    }
}
