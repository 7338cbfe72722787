package org.sunbid.project;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.identity.AccountId;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;

/**
 * Walks projects through intake, joint review and publication for the tests of other features, through the project
 * feature's use-case services. Ids are the plain UUIDs the fixtures carry.
 */
@Component
public class ProjectSetup {

    private final ProjectManagement projects;
    private final ProjectReview review;
    private final ProjectPublication publication;
    private final TenderDocuments documents;

    ProjectSetup(ProjectManagement projects, ProjectReview review, ProjectPublication publication,
            TenderDocuments documents) {
        this.projects = projects;
        this.review = review;
        this.publication = publication;
        this.documents = documents;
    }

    public ProjectView register(CurrentUser user, Registration registration) {
        return projects.register(user, registration);
    }

    public ProjectView registerTestProject(UUID projectId, UUID memberId, org.sunbid.identity.Role role,
            UUID accountId, Registration registration) {
        return projects.registerTestProject(ProjectId.of(projectId), MemberId.of(memberId), role, AccountId.of(accountId), registration);
    }

    public ProjectView find(CurrentUser user, UUID project) {
        return projects.find(user, ProjectId.of(project));
    }

    /**
     * Submits, accepts, uploads a PDF as the tender documents, has every reviewer approve every item and publishes:
     * the registered project becomes a published one.
     */
    public void publishAfterReview(UUID project, CurrentUser tenderee, CurrentUser staff, List<CurrentUser> reviewers) {
        ProjectId id = ProjectId.of(project);
        projects.submit(tenderee, ProjectId.of(project));
        projects.accept(staff, ProjectId.of(project));
        review.uploadTenderDocuments(tenderee, id, "招标文件.pdf", "application/pdf",
                new ByteArrayInputStream("%PDF-1.4 招标文件".getBytes(StandardCharsets.UTF_8)));
        for (CurrentUser reviewer : reviewers) {
            for (ReviewItem item : ReviewItem.values()) {
                review.review(reviewer, id, item, 1, true, null);
            }
        }
        publication.publish(tenderee, id);
    }

    public DocumentFile downloadTenderDocuments(CurrentUser bidder, UUID project) {
        return documents.downloadTenderDocuments(bidder, ProjectId.of(project));
    }
}
