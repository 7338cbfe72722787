package org.sunbid.project;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.internal.DocumentFiles;
import org.sunbid.project.internal.ProjectAccess;
import org.sunbid.project.internal.ProjectRules;
import org.sunbid.project.internal.Projects;

/**
 * Joint review (联合审核) of an accepted project: the owner revises the announcement and uploads the tender documents;
 * every reviewer role the project type requires approves or returns the latest version of each item. Publication
 * ({@link ProjectPublication}) needs every approval on the latest versions.
 */
@Service
@Transactional
public class ProjectReview {

    private final Projects projects;
    private final ProjectAccess access;
    private final DocumentFiles files;
    private final ProjectRules rules;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProjectReview(Projects projects, ProjectAccess access, DocumentFiles files, ProjectRules rules,
            ApplicationEventPublisher events, Clock clock) {
        this.projects = projects;
        this.access = access;
        this.files = files;
        this.rules = rules;
        this.events = events;
        this.clock = clock;
    }

    /** Uploads a new version of the tender documents (stored by SHA-256). */
    public int uploadTenderDocuments(CurrentUser user, ProjectId project, String fileName, String contentType,
            InputStream in) {
        UUID id = project.value();
        ProjectView p = access.owned(user, id);
        ProjectAccess.requireStatus(p, ProjectStatus.DRAFT, ProjectStatus.SUBMITTED, ProjectStatus.RETURNED, ProjectStatus.ACCEPTED);
        DocumentFiles.Stored stored = files.store(in);
        if (stored.size() == 0) {
            throw ProblemException.invalid("file", "project.documents.empty");
        }
        Instant now = clock.instant();
        String name = fileName == null || fileName.isBlank() ? "tender-documents" : Path.of(fileName).getFileName().toString();
        int version = projects.addVersion(id, ReviewItem.TENDER_DOCUMENTS, null, stored.sha256(),
                name.length() > 255 ? name.substring(0, 255) : name, stored.size(),
                contentType == null ? "application/octet-stream" : contentType, user.accountId(), now);
        events.publishEvent(new ProjectEvents.ReviewItemRevised(id, ReviewItem.TENDER_DOCUMENTS, version, user.accountId(), now));
        return version;
    }

    /** Adds a new version of the announcement text, to be reviewed. */
    public int reviseAnnouncement(CurrentUser user, ProjectId project, String text) {
        UUID id = project.value();
        if (text == null || text.isBlank() || text.length() > 20000) {
            throw ProblemException.invalid("text", "project.announcement.text");
        }
        ProjectView p = access.owned(user, id);
        ProjectAccess.requireStatus(p, ProjectStatus.DRAFT, ProjectStatus.SUBMITTED, ProjectStatus.RETURNED, ProjectStatus.ACCEPTED);
        Instant now = clock.instant();
        int version = projects.addVersion(id, ReviewItem.ANNOUNCEMENT, text, null, null, null, null, user.accountId(), now);
        events.publishEvent(new ProjectEvents.ReviewItemRevised(id, ReviewItem.ANNOUNCEMENT, version, user.accountId(), now));
        return version;
    }

    /** A reviewer approves or returns the latest version of an item. */
    public ReviewSheet review(CurrentUser reviewer, ProjectId project, ReviewItem item, int version, boolean approve,
            String comment) {
        UUID id = project.value();
        ProjectView p = access.forCentre(reviewer, id);
        List<Role> required = rules.reviewers().get(p.type());
        if (!required.contains(reviewer.role())) {
            throw ProblemException.forbidden("project.review.not-reviewer");
        }
        ProjectAccess.requireStatus(p, ProjectStatus.ACCEPTED);
        if (!approve && (comment == null || comment.isBlank())) {
            throw ProblemException.invalid("comment", "project.review.comment-required");
        }
        int latest = projects.latestVersion(id, item).map(Projects.Version::version)
                .orElseThrow(() -> ProblemException.conflict("review-nothing-to-review", "item",
                        "project.review.no-version", item.name()));
        if (version != latest) {
            throw ProblemException.conflict("review-stale-version", "version", "project.review.stale", latest);
        }
        Instant now = clock.instant();
        if (!projects.addOpinion(id, item, version, reviewer.accountId(), reviewer.role().name(), approve, comment, now)) {
            throw ProblemException.conflict("review-already-given", "item", "project.review.already-given",
                    reviewer.role().name());
        }
        events.publishEvent(new ProjectEvents.ReviewOpinionGiven(id, item, version, reviewer.accountId(),
                reviewer.role().name(), approve, now));
        return sheet(p);
    }

    /** Every version and every opinion, side by side, with what publication still needs. */
    public record ReviewSheet(UUID projectId, List<Role> requiredRoles, List<ItemHistory> items, boolean readyToPublish) {
        public record ItemHistory(ReviewItem item, List<VersionWithOpinions> versions, List<String> missingApprovals) {
        }

        public record VersionWithOpinions(int version, Instant createdAt, String body, String fileName, String sha256,
                Long size, List<ReviewOpinion> opinions) {
        }
    }

    @Transactional(readOnly = true)
    public ReviewSheet reviewSheet(CurrentUser user, ProjectId project) {
        UUID id = project.value();
        ProjectView p = access.require(user, id);
        if (!ProjectAccess.owns(user, p) && !ProjectAccess.isCentreOrOversight(user)) {
            throw ProblemException.notFound("project", id);
        }
        return sheet(p);
    }

    /** The sheet of a project already read (publication checks it). */
    ReviewSheet sheet(ProjectView p) {
        List<Role> required = rules.reviewers().get(p.type());
        List<Projects.Version> versions = projects.versions(p.id());
        List<ReviewOpinion> opinions = projects.opinions(p.id());
        List<ReviewSheet.ItemHistory> items = new ArrayList<>();
        boolean ready = true;
        for (ReviewItem item : ReviewItem.values()) {
            List<ReviewSheet.VersionWithOpinions> vs = versions.stream().filter(v -> v.item() == item)
                    .map(v -> new ReviewSheet.VersionWithOpinions(v.version(), v.createdAt(), v.body(), v.fileName(),
                            v.fileSha256(), v.fileSize(), opinions.stream()
                                    .filter(o -> o.item() == item && o.version() == v.version()).toList()))
                    .toList();
            List<String> missing = new ArrayList<>();
            if (vs.isEmpty()) {
                missing.addAll(required.stream().map(Enum::name).toList());
            } else {
                ReviewSheet.VersionWithOpinions latest = vs.get(vs.size() - 1);
                for (Role role : required) {
                    boolean approved = latest.opinions().stream()
                            .anyMatch(o -> o.approved() && o.reviewerRole().equals(role.name()));
                    if (!approved) {
                        missing.add(role.name());
                    }
                }
            }
            ready &= missing.isEmpty();
            items.add(new ReviewSheet.ItemHistory(item, vs, missing));
        }
        return new ReviewSheet(p.id(), required, items, ready);
    }
}
