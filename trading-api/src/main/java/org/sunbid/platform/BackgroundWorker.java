package org.sunbid.platform;

import java.time.Duration;

import org.springframework.context.SmartLifecycle;

/**
 * A component whose work runs on one {@link WorkerThread} of its own, started and stopped with the application: the
 * subclass says what one pass does and how long to wait at most before the next; {@link #wake()} asks for a pass now.
 */
public abstract class BackgroundWorker implements SmartLifecycle {

    private final WorkerThread thread;

    protected BackgroundWorker(String name, Duration afterFault) {
        this.thread = new WorkerThread(name, this::pass, afterFault);
    }

    /** One pass of the work; returns how long to wait at most before the next. */
    protected abstract Duration pass();

    /** Asks for a pass on the worker's thread (no work on the caller's thread). */
    protected final void wake() {
        thread.wake();
    }

    @Override
    public void start() {
        thread.start();
    }

    @Override
    public void stop() {
        thread.stop();
    }

    @Override
    public boolean isRunning() {
        return thread.running();
    }
}
