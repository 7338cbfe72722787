package org.sunbid.demo.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The demo tender's sense of time: it sleeps in short slices against the platform clock, so a clock moved forward
 * (tests) is noticed at once, and it stops as soon as the platform shuts down.
 */
public final class DemoPace {

    private static final Duration SLICE = Duration.ofMillis(250);

    private final Clock clock;
    private volatile boolean stopped;

    public DemoPace(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public void stop() {
        stopped = true;
    }

    public void sleepUntil(Instant at) {
        while (true) {
            Duration wait = Duration.between(clock.instant(), at);
            if (wait.isNegative() || wait.isZero()) {
                break;
            }
            sleep(wait.compareTo(SLICE) < 0 ? wait : SLICE);
        }
        if (stopped) {
            throw new Stopped();
        }
    }

    public void sleep(Duration d) {
        if (stopped) {
            throw new Stopped();
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    /** Polls {@code what} until it gives a value or {@code patience} passes on the platform clock; null if it never did. */
    public <T> T await(Duration patience, Duration every, Supplier<T> what) {
        Instant giveUp = clock.instant().plus(patience);
        while (true) {
            T value = what.get();
            if (value != null || clock.instant().isAfter(giveUp)) {
                return value;
            }
            sleep(every);
        }
    }

    /** The platform is shutting down: the demo stops where it is and the next start carries on. */
    public static final class Stopped extends RuntimeException {
        Stopped() {
            super("demo tender stopped", null, false, false);
        }
    }
}
