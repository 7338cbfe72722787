package org.sunbid.notice.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sunbid.platform.LoggedActs;

/** Every notice row was published with a {@code notice.notice-published} entry about it. */
@Configuration(proxyBeanMethods = false)
class LoggedNotices {

    @Bean
    LoggedActs noticesInTheLog() {
        return new LoggedActs("notice", "notice.notice-published", "select id::text, 1 from notice");
    }
}
