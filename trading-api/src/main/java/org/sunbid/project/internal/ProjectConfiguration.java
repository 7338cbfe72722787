package org.sunbid.project.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the statutory rules. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectRules.class)
class ProjectConfiguration {
}
