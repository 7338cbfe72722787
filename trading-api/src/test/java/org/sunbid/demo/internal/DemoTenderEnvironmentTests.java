package org.sunbid.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class DemoTenderEnvironmentTests {

    final DemoTenderEnvironment processor = new DemoTenderEnvironment();

    @Test
    void inDemoModeATestProjectsDayDefaultsToTheDemoTendersDayButAnOperatorsSettingWins() {
        MockEnvironment demo = new MockEnvironment().withProperty("sunbid.demo", "true");
        processor.postProcessEnvironment(demo, new SpringApplication());
        assertThat(demo.getProperty("sunbid.scheduler.test-project-day")).isEqualTo("6s");

        MockEnvironment paced = new MockEnvironment().withProperty("sunbid.demo", "true")
                .withProperty("sunbid.demo.tender.day", "2s");
        processor.postProcessEnvironment(paced, new SpringApplication());
        assertThat(paced.getProperty("sunbid.scheduler.test-project-day")).isEqualTo("2s");

        MockEnvironment operator = new MockEnvironment().withProperty("sunbid.demo", "true")
                .withProperty("sunbid.scheduler.test-project-day", "30s");
        processor.postProcessEnvironment(operator, new SpringApplication());
        assertThat(operator.getProperty("sunbid.scheduler.test-project-day")).isEqualTo("30s");
    }

    @Test
    void withDemoModeOffNothingChanges() {
        MockEnvironment off = new MockEnvironment();
        processor.postProcessEnvironment(off, new SpringApplication());
        assertThat(off.getProperty("sunbid.scheduler.test-project-day")).isNull();
        assertThat(off.getPropertySources().contains(DemoTenderEnvironment.SOURCE)).isFalse();
    }
}
