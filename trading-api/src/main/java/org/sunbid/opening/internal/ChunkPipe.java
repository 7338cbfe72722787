package org.sunbid.opening.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands bytes from one thread's {@link #output()} to another thread's {@link #input()} in chunks through a short
 * queue, so that a bid can be decrypted on one core while its plaintext is verified on another without the plaintext
 * touching the disk. ({@link java.io.PipedInputStream} polls once a second when it runs empty.)
 *
 * <p>The writer ends the stream with {@link OutputStream#close()} or {@link #fail}; the reader then sees the end or an
 * {@link IOException}. Once the reader has closed its side, writes are dropped, so a reader that stops early (a
 * malformed package) never blocks the writer, which still has to read its input to the end.
 */
final class ChunkPipe {

    private static final byte[] END = new byte[0];
    private static final int CHUNK = 64 * 1024;

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(32);
    private volatile boolean readerClosed;
    private volatile String failure;

    private final OutputStream output = new OutputStream() {
        private byte[] chunk = new byte[CHUNK];
        private int filled;
        private boolean closed;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] { (byte) b }, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("pipe closed");
            }
            while (len > 0) {
                int n = Math.min(len, CHUNK - filled);
                System.arraycopy(b, off, chunk, filled, n);
                filled += n;
                off += n;
                len -= n;
                if (filled == CHUNK) {
                    hand(chunk);
                    chunk = new byte[CHUNK];
                    filled = 0;
                }
            }
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                if (filled > 0) {
                    hand(Arrays.copyOf(chunk, filled));
                }
                hand(END);
            }
        }
    };

    private final InputStream input = new InputStream() {
        private byte[] chunk = new byte[0];
        private int read;
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (read == chunk.length) {
                if (ended) {
                    return -1;
                }
                chunk = take();
                read = 0;
                if (chunk == END) {
                    ended = true;
                    if (failure != null) {
                        throw new IOException(failure);
                    }
                }
            }
            int n = Math.min(len, chunk.length - read);
            System.arraycopy(chunk, read, b, off, n);
            read += n;
            return n;
        }

        @Override
        public void close() {
            readerClosed = true;
            queue.clear();
        }
    };

    OutputStream output() {
        return output;
    }

    InputStream input() {
        return input;
    }

    /** Ends the stream with a failure: the reader gets an {@link IOException} naming it instead of the end. */
    void fail(String reason) {
        failure = reason;
        try {
            output.close();
        } catch (IOException ignored) {
            // the reader has gone; nothing waits for the end
        }
    }

    private void hand(byte[] chunk) throws IOException {
        try {
            while (!readerClosed) {
                if (queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted handing plaintext over");
        }
    }

    private byte[] take() throws IOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted waiting for plaintext");
        }
    }
}
