package org.sunbid.opening.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ProjectManagement;
import org.sunbid.project.ProjectStatus;
import org.sunbid.project.ProjectView;

/** The lots being opened, read through the project feature's public service as the platform itself. */
@Component
public class OpeningLots {

    /** The platform acting on its own behalf (the scheduled opening); never a login. */
    private static final CurrentUser PLATFORM = new CurrentUser(new UUID(0, 0), "platform", Role.STAFF, Optional.empty());

    /** A published lot with what its opening shows and records. */
    public record Lot(ProjectId project, LotId lot, String transactionCode, String projectName, String lotName,
            Instant openingAt, String openingPlace) {
    }

    private final ProjectManagement projects;

    OpeningLots(ProjectManagement projects) {
        this.projects = projects;
    }

    public ProjectView project(ProjectId project) {
        return projects.find(PLATFORM, project);
    }

    public Optional<ProjectView> projectIfExists(ProjectId project) {
        return projects.findIfVisible(PLATFORM, project);
    }

    /** The lot of a published project, or a 404 for an unknown, unpublished project or a lot not in it. */
    public Lot published(ProjectId projectId, LotId lotId) {
        Optional<ProjectView> found = projects.findIfVisible(PLATFORM, projectId)
                .filter(p -> p.status() == ProjectStatus.PUBLISHED);
        ProjectView p = found.orElseThrow(() -> ProblemException.notFound("lot", lotId.value()));
        ProjectView.LotView lot = p.lots().stream().filter(l -> l.id().equals(lotId.value())).findFirst()
                .orElseThrow(() -> ProblemException.notFound("lot", lotId.value()));
        return new Lot(projectId, lotId, p.transactionCode(), p.name(), "第" + lot.number() + "标段 " + lot.name(),
                p.openingAt(), p.openingPlace());
    }
}
