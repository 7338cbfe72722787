package org.sunbid.expert.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.expert.CommitteePlans;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;

/** The live check of a committee plan being written in the intake form: counts and rules, nothing saved. */
@RestController
@Tag(name = "committee", description = "统一专家抽取 Expert draw")
class CommitteePlanPreviewController {

    private final CommitteePlans plans;

    CommitteePlanPreviewController(CommitteePlans plans) {
        this.plans = plans;
    }

    @PostMapping("/api/projects/{project}/lots/{lot}/committee-plan/preview")
    @PreAuthorize("hasAnyRole('TENDEREE','AGENT','STAFF','ADMIN')")
    @Operation(summary = "组建方案试算：各组当前可抽专家数（只有人数）与组成规则 Preview a plan: eligible counts and the composition rules")
    CommitteePlans.Preview preview(CurrentUser user, @PathVariable UUID project, @PathVariable UUID lot,
            @RequestBody CommitteePlans.PlanInput body) {
        return plans.preview(user, ProjectId.of(project), LotId.of(lot), body);
    }
}
