package org.sunbid.project.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.project.ProjectManagement;
import org.sunbid.project.ProjectView;

/** The projects a bidder may bid for now, for the bidder portal's list. */
@RestController
@Tag(name = "projects", description = "项目进场与会审 Project intake and joint review")
class OpenProjectsController {

    private final ProjectManagement projects;

    OpenProjectsController(ProjectManagement projects) {
        this.projects = projects;
    }

    @GetMapping("/api/projects/open-for-bidding")
    @PreAuthorize("hasRole('BIDDER')")
    @Operation(summary = "可投标项目 Published projects whose bid deadline is ahead, soonest first")
    List<ProjectView> openForBidding() {
        return projects.openForBidding();
    }
}
