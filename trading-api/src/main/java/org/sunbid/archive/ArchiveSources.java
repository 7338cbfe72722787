package org.sunbid.archive;

import java.util.List;
import java.util.Optional;

import org.sunbid.platform.id.ProjectId;
import org.sunbid.signing.archive.ArchiveEntry;

/**
 * Port: features that hold a project's records implement this, so the archive collects them without reaching into
 * their tables. {@link #describe} is answered by the feature that owns projects; others return empty.
 */
public interface ArchiveSources {

    default Optional<ArchiveSubject> describe(ProjectId project) {
        return Optional.empty();
    }

    /**
     * Why the project may not be archived yet, if this feature knows a reason: a package holds every receipt with
     * its bidder's name, so none may exist before every lot's opening (sealed bidding answers {@code opening-not-yet}).
     */
    default Optional<String> notArchivableYet(ProjectId project) {
        return Optional.empty();
    }

    /** The documents this feature holds for the project, with paths unique to the feature (e.g. {@code bids/…}). */
    List<ArchiveEntry> entriesFor(ProjectId project);
}
