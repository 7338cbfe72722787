package org.sunbid.platform;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one background thread of a worker that works off rows other transactions wrote: it runs a pass at start, again
 * whenever {@link #wake()} is called (a transaction that wrote work has committed) and at the latest after the delay
 * the pass returns (the sweep for rows written by another node or left by a crash). A pass that throws is logged and
 * tried again after {@code afterFault}. Daemon, so it never keeps the JVM up; {@link #stop()} waits for the pass under
 * way to end.
 */
public final class WorkerThread {

    private static final Logger log = LoggerFactory.getLogger(WorkerThread.class);

    private final String name;
    private final Supplier<Duration> pass;
    private final Duration afterFault;
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread thread;

    /** {@code pass} does the work and returns how long to wait at most before the next pass. */
    public WorkerThread(String name, Supplier<Duration> pass, Duration afterFault) {
        this.name = name;
        this.pass = pass;
        this.afterFault = afterFault;
    }

    /** Wakes the thread for a pass (no work on the caller's thread); a wake while stopped is kept for the start. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        synchronized (signal) {
            woken = false; // the first pass runs at once: it does what any wake while stopped asked for
        }
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the thread, waiting up to ten seconds for the pass under way. */
    public synchronized void stop() {
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    public boolean running() {
        return running;
    }

    private void loop() {
        while (running) {
            Duration wait;
            try {
                wait = pass.get();
            } catch (RuntimeException e) {
                log.warn("{}: the pass failed, tried again in {}: {}", name, afterFault, e.toString());
                wait = afterFault;
            }
            synchronized (signal) {
                try {
                    if (!woken && running) {
                        signal.wait(Math.max(1, wait.toMillis()));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                woken = false;
            }
        }
    }
}
