package org.sunbid.bid.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running digest of an upload is used only when it is provably of exactly the stored bytes; in every other case
 * the completion must hash the file.
 */
class UploadDigestsTests {

    @TempDir
    Path dir;

    private final UploadDigests digests = new UploadDigests();
    private final UUID upload = UUID.randomUUID();
    private final byte[] content = content(300_001);

    @Test
    void chunksAppendedInOrderGiveTheFilesOwnHash() throws Exception {
        Path file = dir.resolve("in-order.part");
        append(file, 0, 100_000);
        assertThat(digests.sha256(upload, file, content.length)).as("not complete yet").isEmpty();
        append(file, 100_000, 200_000);
        append(file, 200_000, content.length);
        assertThat(digests.sha256(upload, file, content.length)).contains(sha256(Files.readAllBytes(file)))
                .contains(sha256(content));
    }

    @Test
    void anEmptyAppendAtTheEndKeepsTheHash() throws Exception {
        Path file = dir.resolve("empty-append.part");
        append(file, 0, content.length);
        append(file, content.length, content.length);
        assertThat(digests.sha256(upload, file, content.length)).contains(sha256(content));
    }

    @Test
    void aChunkThatStartsElsewhereThanTheDigestEndsLeavesNoDigest() throws Exception {
        Path file = dir.resolve("elsewhere.part");
        append(file, 0, 100_000);
        // the rest arrived through another node (this one never saw 100,000..200,000)
        writeAt(file, 100_000, 200_000);
        append(file, 200_000, content.length);
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(digests.sha256(upload, file, content.length)).isEmpty();
    }

    @Test
    void aRestartForgetsEveryDigest() throws Exception {
        Path file = dir.resolve("restart.part");
        append(file, 0, 100_000);
        UploadDigests afterRestart = new UploadDigests();
        UploadDigests.Chunk chunk = afterRestart.begin(upload, 100_000, file);
        writeAt(file, 100_000, content.length);
        chunk.written(content, 100_000, content.length - 100_000);
        afterRestart.keep(chunk, content.length, content.length, file);
        assertThat(afterRestart.sha256(upload, file, content.length)).isEmpty();
    }

    @Test
    void aFailedChunkAndItsRetryLeaveNoDigest() throws Exception {
        Path file = dir.resolve("retried.part");
        append(file, 0, 100_000);
        UploadDigests.Chunk broken = digests.begin(upload, 100_000, file);
        writeAt(file, 100_000, 150_000);
        broken.written(content, 100_000, 50_000);
        broken.fail(); // the connection dropped while writing
        digests.keep(broken, 150_000, content.length, file);
        append(file, 150_000, content.length); // the client resumes from the stored offset
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(digests.sha256(upload, file, content.length)).isEmpty();
    }

    @Test
    void aChunkWhoseCountDidNotCommitIsNotKept() throws Exception {
        Path file = dir.resolve("not-committed.part");
        UploadDigests.Chunk chunk = digests.begin(upload, 0, file(file));
        writeAt(file, 0, content.length);
        chunk.written(content, 0, content.length);
        // the compare-and-set lost (the deadline, another append): keep is never called
        assertThat(digests.sha256(upload, file, content.length)).isEmpty();
    }

    @Test
    void aSizeOtherThanTheDigestsIsNotAnswered() throws Exception {
        Path file = dir.resolve("size.part");
        append(file, 0, content.length);
        assertThat(digests.sha256(upload, file, content.length + 1L)).isEmpty();
        assertThat(digests.sha256(upload, file, content.length - 1L)).isEmpty();
    }

    @Test
    void aStoredFileChangedAfterTheUploadIsHashedAgain() throws Exception {
        Path file = dir.resolve("tampered.part");
        append(file, 0, content.length);
        FileTime modified = Files.getLastModifiedTime(file);
        byte[] changed = content.clone();
        changed[12_345] ^= 0x01;
        Files.write(file, changed, StandardOpenOption.TRUNCATE_EXISTING);
        Files.setLastModifiedTime(file, FileTime.fromMillis(modified.toMillis() - 3_600_000));
        assertThat(digests.sha256(upload, file, content.length)).isEmpty();
    }

    @Test
    void aStoredFileReplacedByAnotherIsHashedAgain() throws Exception {
        Path file = dir.resolve("replaced.part");
        append(file, 0, content.length);
        Path other = Files.write(dir.resolve("other"), content);
        Files.move(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(digests.sha256(upload, file, content.length)).isEmpty();
    }

    @Test
    void aForgottenUploadHasNoDigest() throws Exception {
        Path file = dir.resolve("forgotten.part");
        append(file, 0, content.length);
        digests.forget(upload);
        assertThat(digests.sha256(upload, file, content.length)).isEmpty();
    }

    @Test
    void bytesBeyondACompleteDigestLeaveNoDigest() throws Exception {
        Path file = dir.resolve("beyond.part");
        append(file, 0, content.length);
        UploadDigests.Chunk more = digests.begin(upload, content.length, file);
        more.written(new byte[] { 1 }, 0, 1);
        digests.keep(more, content.length + 1L, content.length, file);
        assertThat(digests.sha256(upload, file, content.length)).isEmpty();
    }

    /** One append as the platform makes it: the bytes written, then the digest kept once the count committed. */
    private void append(Path file, int from, int to) throws IOException {
        UploadDigests.Chunk chunk = digests.begin(upload, from, file(file));
        writeAt(file, from, to);
        chunk.written(content, from, to - from);
        digests.keep(chunk, to, content.length, file);
    }

    private Path file(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        return file;
    }

    private void writeAt(Path file, int from, int to) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(file(file), StandardOpenOption.WRITE)) {
            channel.truncate(from);
            channel.position(from);
            channel.write(java.nio.ByteBuffer.wrap(content, from, to - from));
        }
    }

    private static byte[] content(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * 31 + (i >>> 8));
        }
        return b;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
