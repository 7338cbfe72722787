package org.sunbid.project.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.identity.AccountId;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ProjectManagement;
import org.sunbid.project.ProjectView;
import org.sunbid.project.Registration;

/**
 * Test projects over the API, so that a newcomer reaches an opening in minutes instead of 20 days: only where
 * {@code sunbid.test-projects.enabled} (on with the demo, off in production by default).
 */
@RestController
@ConditionalOnProperty(name = "sunbid.test-projects.enabled", havingValue = "true")
@Tag(name = "projects")
class TestProjectController {

    private final ProjectManagement projects;

    TestProjectController(ProjectManagement projects) {
        this.projects = projects;
    }

    @PostMapping("/api/test-projects")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('TENDEREE','AGENT')")
    @Operation(summary = "测试项目登记 Register a test project on the accelerated clock", description = """
            与 POST /api/projects 相同的登记，但项目标记为测试项目（testProject=true），法定最短期限按加速时钟计算\
            （sunbid.scheduler.test-project-day，默认 1 日 = 1 分钟）。其公告标题以【测试】开头、正文注明测试，\
            公开列表、订阅和检索默认不列出（includeTests=true 时列出）。Same body as POST /api/projects; the project \
            is flagged testProject and its statutory minimum periods run on the accelerated clock (one day lasts \
            sunbid.scheduler.test-project-day, 1 minute by default): a 20-day bid period is 20 minutes. Its notices \
            say they are tests (title starting with 【测试】, a note before the body, test=true) and public lists, \
            feeds and search leave them out unless includeTests=true. Walk-through: docs/first-tender-with-curl.md.""")
    ProjectView register(CurrentUser user, @Valid @RequestBody Registration registration) {
        return projects.registerTestProject(ProjectId.of(UUID.randomUUID()), MemberId.of(user.requireMember()), user.role(), user.account(),
                registration);
    }
}
