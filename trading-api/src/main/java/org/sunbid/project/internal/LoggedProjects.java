package org.sunbid.project.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sunbid.platform.LoggedActs;

/** Every project row was registered with a {@code project.project-registered} entry about it. */
@Configuration(proxyBeanMethods = false)
class LoggedProjects {

    @Bean
    LoggedActs projectsInTheLog() {
        return new LoggedActs("project", "project.project-registered", "select id::text, 1 from project");
    }
}
