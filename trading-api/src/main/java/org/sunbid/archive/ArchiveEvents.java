package org.sunbid.archive;

import java.time.Instant;
import java.util.UUID;

/** Past-tense events of the archive, for the supervision log. */
public final class ArchiveEvents {

    private ArchiveEvents() {
    }

    public record ArchivePackageCreated(UUID packageId, UUID project, ArchiveReason reason, String zipSha256, UUID by,
            Instant at) {
    }

    public record ArchivePackageRead(UUID packageId, UUID project, UUID by, Instant at) {
    }
}
