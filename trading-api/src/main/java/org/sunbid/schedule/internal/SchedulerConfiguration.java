package org.sunbid.schedule.internal;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.sunbid.scheduler.QuartzJobScheduler;
import org.sunbid.scheduler.ScheduledTask;
import org.sunbid.scheduler.TimeAccelerator;

/**
 * Wires the scheduler module into the application: Quartz on the platform's PostgreSQL (tables from Flyway V30),
 * every {@link ScheduledTask} bean as a handler, firings published as application events.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulerProperties.class)
class SchedulerConfiguration {

    @Bean(destroyMethod = "close")
    @DependsOnDatabaseInitialization
    QuartzJobScheduler jobScheduler(DataSource dataSource, PlatformTransactionManager transactions,
            ObjectProvider<ScheduledTask> tasks, ApplicationEventPublisher events, Clock clock,
            SchedulerProperties properties) {
        return new QuartzJobScheduler(dataSource, transactions, () -> tasks.orderedStream().toList(), events, clock,
                properties.settings());
    }

    /** Starts firing once the whole context is up, so that every handler exists; a stored unknown kind stops start-up. */
    @Bean
    SmartLifecycle jobSchedulerLifecycle(QuartzJobScheduler scheduler, SchedulerProperties properties) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                // standby, not shutdown: a stopped context may be started again (Spring pauses idle test contexts);
                // the bean's destroy method shuts Quartz down for good
                running = false;
                scheduler.standby();
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public boolean isAutoStartup() {
                return properties.enabled();
            }
        };
    }

    @Bean
    TimeAccelerator timeAccelerator(SchedulerProperties properties) {
        return TimeAccelerator.of(Duration.ofDays(1), properties.testProjectDay());
    }
}
