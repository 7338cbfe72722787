package org.sunbid.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.sunbid.search.SearchDocument;

/**
 * Runs a rebuild's indexing on a few threads that take documents from one source in turn (the source, which reads
 * notices from PostgreSQL in batches, is not thread-safe and is only touched under a lock). The first failure of any
 * thread stops the others and is thrown by {@link #run}.
 */
final class RebuildWorkers {

    /** What each thread does with a document it took. */
    @FunctionalInterface
    interface Sink {
        void accept(SearchDocument document) throws IOException;
    }

    private final int threads;
    private volatile Throwable failure;

    RebuildWorkers(int threads) {
        this.threads = Math.max(1, threads);
    }

    void run(Iterator<SearchDocument> source, Sink sink) throws IOException {
        if (threads == 1) {
            while (source.hasNext()) {
                sink.accept(source.next());
            }
            return;
        }
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> drain(source, sink), "search-rebuild-" + i);
            t.setDaemon(true);
            t.start();
            started.add(t);
        }
        boolean interrupted = false;
        for (Thread t : started) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                    failure = failure == null ? e : failure;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        rethrow(failure);
    }

    private void drain(Iterator<SearchDocument> source, Sink sink) {
        try {
            while (failure == null) {
                SearchDocument next;
                synchronized (source) {
                    if (!source.hasNext()) {
                        return;
                    }
                    next = source.next();
                }
                sink.accept(next);
            }
        } catch (Throwable e) {
            synchronized (this) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
    }

    private static void rethrow(Throwable failure) throws IOException {
        if (failure == null) {
            return;
        }
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new UncheckedIOException(new IOException("The search index rebuild was interrupted", failure));
    }
}
