package org.sunbid.project;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.internal.DocumentFiles;
import org.sunbid.project.internal.ProjectAccess;
import org.sunbid.project.internal.Projects;

/** Tender documents (招标文件) of a published project: downloaded by bidders, each download recorded and sealed. */
@Service
@Transactional
public class TenderDocuments {

    private final Projects projects;
    private final ProjectAccess access;
    private final DocumentFiles files;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TenderDocuments(Projects projects, ProjectAccess access, DocumentFiles files, ApplicationEventPublisher events,
            Clock clock) {
        this.projects = projects;
        this.access = access;
        this.files = files;
        this.events = events;
        this.clock = clock;
    }

    /** A bidder downloads the latest approved tender documents of a published project; the download is recorded. */
    public DocumentFile downloadTenderDocuments(CurrentUser bidder, ProjectId project) {
        UUID id = project.value();
        UUID member = bidder.requireMember();
        ProjectView p = projects.find(id).filter(x -> x.status() == ProjectStatus.PUBLISHED)
                .orElseThrow(() -> ProblemException.notFound("project", id));
        Projects.Version v = projects.latestVersion(p.id(), ReviewItem.TENDER_DOCUMENTS)
                .orElseThrow(() -> ProblemException.notFound("tender documents", id));
        Instant now = clock.instant();
        projects.recordDownload(id, member, now);
        events.publishEvent(new ProjectEvents.TenderDocumentsDownloaded(id, member, now));
        return new DocumentFile(files.path(v.fileSha256()), v.fileName(), v.contentType(), v.fileSize(), v.fileSha256());
    }

    /** Who downloaded the documents: sealed (neither names nor number) until the bid deadline. */
    @Transactional(readOnly = true)
    public List<DocumentDownload> downloads(CurrentUser user, ProjectId project) {
        UUID id = project.value();
        ProjectView p = access.require(user, id);
        boolean owner = ProjectAccess.owns(user, p);
        if (!owner && !ProjectAccess.isCentreOrOversight(user)) {
            throw ProblemException.notFound("project", id);
        }
        if (clock.instant().isBefore(p.bidDeadline())) {
            throw ProblemException.rule("download-list-sealed", "bidDeadline", "project.rule.download-list-sealed");
        }
        return projects.downloads(id);
    }
}
