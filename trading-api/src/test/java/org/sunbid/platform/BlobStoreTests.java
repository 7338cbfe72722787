package org.sunbid.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreTests {

    @TempDir
    Path dir;

    @Test
    void storesUnderItsSha256InTwoLevelsOfFolders() throws Exception {
        BlobStore store = new BlobStore(dir);
        byte[] content = "扫描件 scan".getBytes(StandardCharsets.UTF_8);
        BlobStore.Blob blob = store.put(new ByteArrayInputStream(content), 1024);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        assertThat(blob.sha256()).isEqualTo(expected);
        assertThat(blob.size()).isEqualTo(content.length);
        Path path = dir.resolve("sha256").resolve(expected.substring(0, 2)).resolve(expected.substring(2, 4))
                .resolve(expected);
        assertThat(store.pathOf(expected)).isEqualTo(path.toAbsolutePath());
        assertThat(Files.readAllBytes(path)).isEqualTo(content);
        try (InputStream in = store.open(expected).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void storingTheSameBytesTwiceKeepsOneCopyAndNoTemporaryFiles() throws Exception {
        BlobStore store = new BlobStore(dir);
        byte[] content = new byte[200_000];
        new java.util.Random(1).nextBytes(content);
        var a = store.put(new ByteArrayInputStream(content), content.length);
        var b = store.put(new ByteArrayInputStream(content), content.length);
        assertThat(a).isEqualTo(b);
        try (var files = Files.list(dir.resolve("tmp"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void refusesContentLongerThanTheLimitAndKeepsNothing() throws Exception {
        BlobStore store = new BlobStore(dir);
        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[1025]), 1024))
                .isInstanceOf(BlobStore.TooLargeException.class);
        try (var files = Files.list(dir.resolve("tmp"))) {
            assertThat(files).isEmpty();
        }
        assertThat(Files.exists(dir.resolve("sha256"))).isFalse();
    }

    @Test
    void refusesNamesThatAreNotDigestsSoPathsCannotEscape() {
        BlobStore store = new BlobStore(dir);
        assertThatThrownBy(() -> store.pathOf("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.contains("0".repeat(64))).isFalse();
    }
}
