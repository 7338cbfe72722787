package org.sunbid.opening.internal;

import org.springframework.stereotype.Component;
import org.sunbid.opening.DecryptLot;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.scheduler.Firing;
import org.sunbid.scheduler.ScheduledTask;

/** Runs the clustered {@code decrypt-bids} job (subject {@code <project>:<lot>:<attempt>}) on whichever node takes it. */
@Component
class DecryptionTask implements ScheduledTask {

    private final DecryptLot decryptLot;

    DecryptionTask(DecryptLot decryptLot) {
        this.decryptLot = decryptLot;
    }

    @Override
    public String kind() {
        return DecryptionJobs.KIND;
    }

    @Override
    public void run(Firing firing) {
        String[] ids = firing.subject().split(":");
        decryptLot.run(ProjectId.parse(ids[0]), LotId.parse(ids[1]), Integer.parseInt(ids[2]));
    }
}
