package org.sunbid.archive;

import java.time.Instant;
import java.util.UUID;

/** An archive package's catalogue entry. */
public record ArchivePackageInfo(UUID id, UUID projectId, String projectCode, String title, String projectType,
        String tenderee, ArchiveReason reason, Instant completedAt, Instant createdAt, Instant retentionUntil,
        int documents, long size, String zipSha256, String manifestSha256) {
}
