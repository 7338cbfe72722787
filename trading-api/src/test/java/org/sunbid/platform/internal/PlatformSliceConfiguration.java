package org.sunbid.platform.internal;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** The platform's locale resolver (zh-CN unless English is asked for) and clock, for slice tests. */
@TestConfiguration(proxyBeanMethods = false)
@Import(PlatformConfiguration.class)
public class PlatformSliceConfiguration {
}
