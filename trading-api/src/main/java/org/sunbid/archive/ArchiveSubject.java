package org.sunbid.archive;

import java.time.Instant;
import java.util.UUID;

/** The project an archive package is about, as its owning feature describes it. */
public record ArchiveSubject(UUID projectId, String projectCode, String title, String projectType, String tenderee,
        Instant completedAt) {
}
