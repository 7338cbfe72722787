package org.sunbid.project.internal;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.sunbid.notice.TestProjects;
import org.sunbid.platform.id.ProjectId;

/** Tells the notice feature which projects are test projects, so that their notices say so. */
@Component
class TestProjectNotices implements TestProjects {

    private final JdbcClient jdbc;

    TestProjectNotices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isTest(ProjectId project) {
        UUID projectId = project.value();
        return jdbc.sql("select test_project from project where id = ?").param(projectId).query(Boolean.class)
                .optional().orElse(false);
    }
}
