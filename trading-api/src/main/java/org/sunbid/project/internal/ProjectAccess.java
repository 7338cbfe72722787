package org.sunbid.project.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.platform.ProblemException;
import org.sunbid.project.ProjectStatus;
import org.sunbid.project.ProjectView;

/**
 * Who may see and act on a project. Members see their own projects; the centre and regulators see everything past the
 * draft stage; everyone sees published ones. A project the caller may not see is reported as not found.
 */
@Component
public class ProjectAccess {

    private final Projects projects;

    ProjectAccess(Projects projects) {
        this.projects = projects;
    }

    public static boolean visible(CurrentUser user, ProjectView p) {
        if (owns(user, p)) {
            return true;
        }
        if (isCentreOrOversight(user)) {
            return p.status() != ProjectStatus.DRAFT;
        }
        return p.status() == ProjectStatus.PUBLISHED;
    }

    /** Whether the caller's member is the project's tenderee or agency. */
    public static boolean owns(CurrentUser user, ProjectView p) {
        return user.memberId().isPresent() && p.ownedBy(user.memberId().get());
    }

    /** Staff, regulators and administrators. */
    public static boolean isCentreOrOversight(CurrentUser user) {
        return user.is(Role.STAFF) || user.is(Role.REGULATOR) || user.is(Role.ADMIN);
    }

    /** The project if the caller may see it. */
    public Optional<ProjectView> find(CurrentUser user, UUID id) {
        return projects.find(id).filter(p -> visible(user, p));
    }

    /** The project the caller may see, or 404. */
    public ProjectView require(CurrentUser user, UUID id) {
        return find(user, id).orElseThrow(() -> ProblemException.notFound("project", id));
    }

    /** The project locked for the transaction, for its owner only (403 for others who may see it, 404 for the rest). */
    public ProjectView owned(CurrentUser user, UUID id) {
        ProjectView p = forCentre(user, id);
        if (!owns(user, p)) {
            throw ProblemException.forbidden("project.owner-only");
        }
        return p;
    }

    /** The project locked for the transaction, if the caller may see it, or 404. */
    public ProjectView forCentre(CurrentUser user, UUID id) {
        return projects.lock(id).filter(x -> visible(user, x)).orElseThrow(() -> ProblemException.notFound("project", id));
    }

    /** Refuses (409, type project-status) a project in none of the {@code allowed} statuses. */
    public static void requireStatus(ProjectView p, ProjectStatus... allowed) {
        for (ProjectStatus s : allowed) {
            if (p.status() == s) {
                return;
            }
        }
        throw ProblemException.conflict("project-status", "status", "project.status.wrong", p.status().name());
    }
}
