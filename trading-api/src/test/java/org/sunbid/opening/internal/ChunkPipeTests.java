package org.sunbid.opening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ChunkPipeTests {

    @Test
    void bytesWrittenInAnySizesOnOneThreadArriveIntactOnAnother() throws Exception {
        ChunkPipe pipe = new ChunkPipe();
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> digestOf(pipe.input()));
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        Random random = new Random(3);
        try (OutputStream out = pipe.output()) {
            for (int i = 0; i < 400; i++) {
                byte[] b = new byte[random.nextInt(150_000)];
                random.nextBytes(b);
                int off = b.length == 0 ? 0 : random.nextInt(b.length);
                out.write(b, off, b.length - off);
                written.update(b, off, b.length - off);
                out.write(i);
                written.update((byte) i);
            }
        }
        assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo(written.digest());
    }

    @Test
    void aFailureReachesTheReaderInsteadOfAnEnd() throws Exception {
        ChunkPipe pipe = new ChunkPipe();
        pipe.output().write(new byte[100_000]);
        pipe.fail("the sealed file did not decrypt");
        InputStream in = pipe.input();
        assertThatThrownBy(() -> in.transferTo(OutputStream.nullOutputStream())).isInstanceOf(IOException.class)
                .hasMessage("the sealed file did not decrypt");
    }

    @Test
    void aReaderThatStopsEarlyNeverBlocksTheWriter() throws Exception {
        ChunkPipe pipe = new ChunkPipe();
        pipe.input().close();
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            try (OutputStream out = pipe.output()) {
                byte[] chunk = new byte[1 << 20];
                for (int i = 0; i < 64; i++) { // 64 MiB: far more than the queue holds
                    out.write(chunk);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writing.get(30, TimeUnit.SECONDS);
        assertThat(writing).isCompleted();
    }

    private static byte[] digestOf(InputStream in) {
        try (in) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[7_919];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
            return sha.digest();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
