package org.sunbid.schedule;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sunbid.scheduler.Firing;
import org.sunbid.scheduler.ScheduledTask;

/**
 * Job handlers that exist only in tests (kinds prefixed {@code test-}), picked up by every test context alike so
 * that they add no extra Spring context.
 */
@Configuration(proxyBeanMethods = false)
public class TestTasks {

    /** Records each firing it runs. */
    public static final class Recording implements ScheduledTask {
        private final String kind;
        public final List<Firing> runs = new CopyOnWriteArrayList<>();

        Recording(String kind) {
            this.kind = kind;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public void run(Firing firing) {
            runs.add(firing);
        }

        public List<Firing> runsOf(String subject) {
            return runs.stream().filter(f -> f.subject().equals(subject)).toList();
        }
    }

    /** Fails while the subject says so: {@code fail-N-...} fails its first N runs, {@code fail-always-...} always. */
    public static final class Flaky implements ScheduledTask {
        public final List<Firing> attempts = new CopyOnWriteArrayList<>();

        @Override
        public String kind() {
            return "test-flaky";
        }

        @Override
        public void run(Firing firing) throws Exception {
            attempts.add(firing);
            String[] parts = firing.subject().split("-");
            if (parts[1].equals("always") || attemptsOf(firing.subject()).size() <= Integer.parseInt(parts[1])) {
                throw new java.io.IOException("simulated failure of attempt " + firing.attempt());
            }
        }

        public List<Firing> attemptsOf(String subject) {
            return attempts.stream().filter(f -> f.subject().equals(subject)).toList();
        }
    }

    /** Collects the scheduler's events, which are published on Quartz threads (not seen by @RecordApplicationEvents). */
    public static final class SchedulerEvents {
        public final List<Object> seen = new CopyOnWriteArrayList<>();

        @org.springframework.context.event.EventListener({ org.sunbid.scheduler.JobFired.class,
                org.sunbid.scheduler.JobAttemptFailed.class, org.sunbid.scheduler.JobFailed.class })
        void on(Object event) {
            seen.add(event);
        }

        public <T> java.util.stream.Stream<T> of(Class<T> type) {
            return seen.stream().filter(type::isInstance).map(type::cast);
        }
    }

    @Bean
    SchedulerEvents schedulerEvents() {
        return new SchedulerEvents();
    }

    @Bean
    Recording testRecord() {
        return new Recording("test-record");
    }

    @Bean
    Recording testCloseSubmissions() {
        return new Recording("test-close-submissions");
    }

    @Bean
    Recording testOpenBids() {
        return new Recording("test-open-bids");
    }

    @Bean
    Flaky testFlaky() {
        return new Flaky();
    }
}
