package org.sunbid.archive.internal;

import org.springframework.stereotype.Component;
import org.sunbid.archive.ArchiveManagement;
import org.sunbid.scheduler.Firing;
import org.sunbid.scheduler.ScheduledTask;

/** Builds a project's archive package once its completion or failure has committed ({@link ArchiveManagement#buildLater}). */
@Component
class ArchiveBuildTask implements ScheduledTask {

    private final ArchiveManagement archives;

    ArchiveBuildTask(ArchiveManagement archives) {
        this.archives = archives;
    }

    @Override
    public String kind() {
        return ArchiveManagement.BUILD_JOB;
    }

    @Override
    public void run(Firing firing) {
        archives.buildScheduled(firing.subject());
    }
}
