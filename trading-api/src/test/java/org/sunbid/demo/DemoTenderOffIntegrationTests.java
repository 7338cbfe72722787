package org.sunbid.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.sunbid.scheduler.TimeAccelerator;
import org.sunbid.support.PlatformTest;

/** With demo mode off (the default), no demo tender exists, starts or is announced, and test-project time is untouched. */
@PlatformTest
class DemoTenderOffIntegrationTests {

    @Autowired
    ObjectProvider<DemoTender> demo;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    TimeAccelerator accelerator;

    @Test
    void demoModeOffStartsNoDemoTender() throws Exception {
        assertThat(demo.getIfAvailable()).isNull();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("demo-tender"));
        assertThat(jdbc.sql("select count(*) from project where id = :id").param("id", DemoTender.PROJECT)
                .query(Long.class).single()).isZero();
        assertThat(mvc.perform(get("/api/public/demo-tender")).andReturn().getResponse().getStatus()).isEqualTo(404);
        // a test project's day keeps the scheduler's default (one minute), not the demo tender's pace
        assertThat(accelerator.scale(Duration.ofDays(1), true)).isEqualTo(Duration.ofMinutes(1));
    }
}
