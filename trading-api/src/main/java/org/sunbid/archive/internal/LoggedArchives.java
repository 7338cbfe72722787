package org.sunbid.archive.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sunbid.platform.LoggedActs;

/** Every archive package row was created with an {@code archive.archive-package-created} entry about it. */
@Configuration(proxyBeanMethods = false)
class LoggedArchives {

    @Bean
    LoggedActs archivesInTheLog() {
        return new LoggedActs("archive", "archive.archive-package-created", "select id::text, 1 from archive_package");
    }
}
