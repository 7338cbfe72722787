package org.sunbid.demo.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.notice.NoticeManagement;
import org.sunbid.project.ProjectManagement;
import org.sunbid.project.ProjectPublication;
import org.sunbid.project.ProjectReview;
import org.sunbid.support.PlatformTest;

@PlatformTest
class DemoProjectsIntegrationTests {

    @Autowired
    ProjectManagement projects;
    @Autowired
    ProjectReview review;
    @Autowired
    ProjectPublication publication;
    @Autowired
    NoticeManagement notices;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Clock clock;
    @Autowired
    JdbcClient jdbc;

    @Test
    void seedsPublishedChineseDemoProjectsOnceHoweverOftenItRuns() {
        DemoProjects demo = new DemoProjects(projects, review, publication, notices, tx, clock);
        demo.run(new DefaultApplicationArguments());
        long projectsAfterFirst = jdbc.sql("select count(*) from project where id::text like '5d0b1000-%'").query(Long.class).single();
        long noticesAfterFirst = jdbc.sql("select count(*) from notice").query(Long.class).single();
        demo.run(new DefaultApplicationArguments());
        assertThat(projectsAfterFirst).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from project where id::text like '5d0b1000-%' and status = 'PUBLISHED'")
                .query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from notice").query(Long.class).single()).isEqualTo(noticesAfterFirst);
        // open for bidding: no award yet, however often it runs
        assertThat(awards()).isZero();

        // a start after the bid deadline publishes the two demo awards, once
        DemoProjects later = new DemoProjects(projects, review, publication, notices, tx,
                Clock.offset(clock, Duration.ofDays(31)));
        later.run(new DefaultApplicationArguments());
        later.run(new DefaultApplicationArguments());
        assertThat(awards()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from notice").query(Long.class).single()).isEqualTo(noticesAfterFirst + 2);
        assertThat(jdbc.sql("select title from notice where project_id = '5d0b1000-0000-4000-8000-000000000001' order by seq limit 1")
                .query(String.class).single()).contains("文三路").endsWith("招标公告");
    }

    private long awards() {
        return jdbc.sql("select count(*) from notice where kind = 'AWARD' and project_id::text like '5d0b1000-%'")
                .query(Long.class).single();
    }
}
