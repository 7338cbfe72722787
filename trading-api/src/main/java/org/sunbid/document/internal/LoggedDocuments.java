package org.sunbid.document.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sunbid.platform.LoggedActs;

/** Every signed document row was issued with a {@code document.document-issued} entry about it. */
@Configuration(proxyBeanMethods = false)
class LoggedDocuments {

    @Bean
    LoggedActs documentsInTheLog() {
        return new LoggedActs("document", "document.document-issued", "select id::text, 1 from signed_document");
    }
}
