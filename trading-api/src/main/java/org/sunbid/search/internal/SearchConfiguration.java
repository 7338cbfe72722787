package org.sunbid.search.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.search.SearchIndex;
import org.sunbid.search.SearchManagement;

/** Chooses the search engine from configuration and runs the outbox poller. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SearchConfiguration.class);

    @Bean(destroyMethod = "close")
    SearchIndex searchIndex(SearchProperties properties, PlatformProperties platform) {
        if (properties.elasticsearch().enabled()) {
            log.info("Search: Elasticsearch at {} (alias {})", properties.elasticsearch().uris(),
                    properties.elasticsearch().index());
            return new ElasticsearchSearchIndex(properties.elasticsearch().uris(), properties.elasticsearch().index());
        }
        var folder = platform.dataDir().resolve("index").resolve("notices");
        log.info("Search: embedded Lucene index in {}", folder.toAbsolutePath());
        return new LuceneSearchIndex(folder);
    }

    /** Health of the Elasticsearch cluster (the bare client adds none): red or unreachable is DOWN. */
    @Bean
    org.springframework.boot.health.contributor.HealthIndicator searchHealthIndicator(SearchIndex index) {
        return new AbstractHealthIndicator() {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                builder.withDetail("engine", index.engine());
                if (index instanceof ElasticsearchSearchIndex es) {
                    var status = es.health();
                    builder.withDetail("cluster", status.jsonValue());
                    if (status == co.elastic.clients.elasticsearch._types.HealthStatus.Red) {
                        builder.down();
                        return;
                    }
                }
                builder.withDetail("documents", index.count()).up();
            }
        };
    }

    /** Drains the outbox on a single background thread; failures are retried by the outbox itself. */
    @Component
    static class OutboxPoller implements SmartLifecycle {

        private final SearchManagement search;
        private final SearchProperties properties;
        private ScheduledExecutorService executor;

        OutboxPoller(SearchManagement search, SearchProperties properties) {
            this.search = search;
            this.properties = properties;
        }

        @Override
        public synchronized void start() {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "search-outbox");
                t.setDaemon(true);
                return t;
            });
            long ms = Math.max(100, properties.pollInterval().toMillis());
            executor.scheduleWithFixedDelay(this::poll, ms, ms, TimeUnit.MILLISECONDS);
        }

        private void poll() {
            try {
                search.processOutbox();
            } catch (RuntimeException e) {
                log.warn("Search outbox poll failed: {}", e.toString());
            }
        }

        @Override
        public synchronized void stop() {
            if (executor != null) {
                executor.shutdownNow();
                try {
                    executor.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                executor = null;
            }
        }

        @Override
        public synchronized boolean isRunning() {
            return executor != null;
        }
    }
}
