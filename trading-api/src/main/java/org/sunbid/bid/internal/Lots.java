package org.sunbid.bid.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ProjectManagement;
import org.sunbid.project.ProjectStatus;
import org.sunbid.project.ProjectView;

/** Reads published lots through the project feature's public service, as the platform itself. */
@Component
public class Lots {

    /** The platform acting on its own behalf (scheduled openings, key creation); never a login. */
    static final CurrentUser PLATFORM = new CurrentUser(new UUID(0, 0), "platform", Role.STAFF, Optional.empty());

    private final ProjectManagement projects;

    Lots(ProjectManagement projects) {
        this.projects = projects;
    }

    /** A published lot with what bidding needs to know. */
    public record Lot(UUID projectId, UUID lotId, String transactionCode, String projectName, String lotName,
            Instant bidDeadline, Instant openingAt, String openingPlace) {
    }

    public ProjectView project(UUID projectId) {
        return projects.find(PLATFORM, ProjectId.of(projectId));
    }

    /** The project if it exists, without a failure that would mark the caller's transaction rollback-only. */
    public Optional<ProjectView> projectIfExists(UUID projectId) {
        return projects.findIfVisible(PLATFORM, ProjectId.of(projectId));
    }

    /** The lot, or a 404 problem when the project is unknown, unpublished, or has no such lot. */
    public Lot published(UUID projectId, UUID lotId) {
        ProjectView p;
        try {
            p = projects.find(PLATFORM, ProjectId.of(projectId));
        } catch (ProblemException e) {
            throw ProblemException.notFound("lot", lotId);
        }
        if (p.status() != ProjectStatus.PUBLISHED) {
            throw ProblemException.notFound("lot", lotId);
        }
        return lot(p, lotId);
    }

    /** The lot whatever its project's state (for finishing what was accepted while it was published). */
    public Lot anyState(UUID projectId, UUID lotId) {
        return lot(projects.find(PLATFORM, ProjectId.of(projectId)), lotId);
    }

    private static Lot lot(ProjectView p, UUID lotId) {
        ProjectView.LotView lot = p.lots().stream().filter(l -> l.id().equals(lotId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("lot", lotId));
        return new Lot(p.id(), lot.id(), p.transactionCode(), p.name(), "第" + lot.number() + "标段 " + lot.name(),
                p.bidDeadline(), p.openingAt(), p.openingPlace());
    }
}
