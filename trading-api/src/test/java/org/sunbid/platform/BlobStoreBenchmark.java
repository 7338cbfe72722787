package org.sunbid.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Random;

/**
 * Prints the throughput of {@link BlobStore#put} (stream, SHA-256, fsync, atomic move) against a baseline measured in
 * the same run: writing the same bytes to a file and fsync'ing it, without hashing or renaming. Not a test.
 *
 * <pre>java -cp trading-api/target/classes:trading-api/target/test-classes org.sunbid.platform.BlobStoreBenchmark</pre>
 */
public final class BlobStoreBenchmark {

    public static void main(String[] args) throws IOException {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 24;
        int size = 4 * 1024 * 1024;
        Path dir = Files.createTempDirectory("blob-bench-");
        try {
            Random random = new Random(42);
            byte[][] contents = new byte[files][size];
            for (byte[] c : contents) {
                random.nextBytes(c);
            }
            BlobStore store = new BlobStore(dir.resolve("store"));
            Files.createDirectories(dir.resolve("plain"));
            for (int round = 0; round < 3; round++) {
                long baseline = time(() -> {
                    for (int i = 0; i < files; i++) {
                        Path p = dir.resolve("plain").resolve("f" + i + "-" + System.nanoTime());
                        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                            ch.write(ByteBuffer.wrap(contents[i]));
                            ch.force(true);
                        }
                    }
                });
                byte[][] fresh = new byte[files][];
                for (int i = 0; i < files; i++) {
                    fresh[i] = contents[i].clone();
                    fresh[i][0] = (byte) round;
                    fresh[i][1] = (byte) (round >> 8);
                }
                long blob = time(() -> {
                    for (int i = 0; i < files; i++) {
                        store.put(new ByteArrayInputStream(fresh[i]), Long.MAX_VALUE);
                    }
                });
                double mb = (double) files * size / (1024 * 1024);
                System.out.printf("round %d: baseline write+fsync %.0f MB/s, BlobStore.put %.0f MB/s, ratio %.2f%n",
                        round, mb / (baseline / 1e9), mb / (blob / 1e9), (double) baseline / blob);
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    interface Work {
        void run() throws IOException;
    }

    private static long time(Work work) throws IOException {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }
}
