package org.sunbid.demo.internal;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In demo mode a test project's day lasts {@code sunbid.demo.tender.day} (6 s) unless {@code
 * sunbid.scheduler.test-project-day} is set: the demo tender's 20-day bid period then takes two minutes. The on-site
 * objection period after an opening ({@code sunbid.opening.objection-window}, 30 minutes) becomes {@code
 * sunbid.demo.tender.objection-window} (1 minute), so the demo's evaluation follows its opening without a long pause.
 * Added as the lowest-precedence source, so any setting of the operator's wins; nothing changes when demo mode is off.
 */
public class DemoTenderEnvironment implements EnvironmentPostProcessor {

    static final String SOURCE = "sunbid-demo-tender-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!"true".equalsIgnoreCase(environment.getProperty("sunbid.demo", "false").strip())) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE,
                Map.of("sunbid.scheduler.test-project-day", "${sunbid.demo.tender.day:6s}",
                        "sunbid.opening.objection-window", "${sunbid.demo.tender.objection-window:1m}")));
    }
}
