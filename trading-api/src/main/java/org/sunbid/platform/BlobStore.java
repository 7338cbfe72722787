package org.sunbid.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

import org.sunbid.signing.DigestAlgorithm;
import org.springframework.stereotype.Component;

/**
 * A content-addressed store of immutable files under {@code <data-dir>/blobs/sha256/ab/cd/<hash>}. A file is
 * streamed to a temporary name while hashed, fsync'd, then moved atomically into place, so a name that exists
 * always holds complete content; storing the same bytes twice keeps one copy.
 */
@Component
public class BlobStore {

    private static final HexFormat HEX = HexFormat.of();
    private final Path root;
    private final Path temp;

    @org.springframework.beans.factory.annotation.Autowired
    public BlobStore(PlatformProperties properties) {
        this(properties.dataDir().resolve("blobs"));
    }

    public BlobStore(Path root) {
        this.root = root.toAbsolutePath();
        this.temp = this.root.resolve("tmp");
        try {
            Files.createDirectories(temp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stored file: its lower-case hex SHA-256 and size in bytes. */
    public record Blob(String sha256, long size) {
        public Blob {
            if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("not a SHA-256 hex digest");
            }
        }
    }

    /** Thrown when the content is longer than the caller allowed; nothing is kept. */
    public static class TooLargeException extends RuntimeException {
        private final long limit;

        public TooLargeException(long limit) {
            super("content exceeds " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    /** Streams {@code content} into the store; refuses (and forgets) content longer than {@code maxBytes}. */
    public Blob put(InputStream content, long maxBytes) {
        MessageDigest sha256 = sha256();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(temp, "upload-", ".part");
            long size = 0;
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                    size += n;
                    if (size > maxBytes) {
                        throw new TooLargeException(maxBytes);
                    }
                    sha256.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
                out.flush();
                channel.force(true);
            }
            String hash = HEX.formatHex(sha256.digest());
            Path target = pathOf(hash);
            if (Files.exists(target)) {
                Files.delete(tmp);
            } else {
                Files.createDirectories(target.getParent());
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException e) {
                    Files.deleteIfExists(tmp);
                } catch (AtomicMoveNotSupportedException e) {
                    throw new IllegalStateException("the blob directory must support atomic moves", e);
                }
                fsyncDirectory(target.getParent());
            }
            tmp = null;
            return new Blob(hash, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a stray temporary file is harmless; the next start may clean it
                }
            }
        }
    }

    public boolean contains(String sha256) {
        return Files.isRegularFile(pathOf(sha256));
    }

    /** Opens a stored file for reading, if present. */
    public Optional<InputStream> open(String sha256) {
        Path path = pathOf(sha256);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.newInputStream(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a blob lives: {@code sha256/ab/cd/abcd…}. */
    public Path pathOf(String sha256) {
        new Blob(sha256, 0);
        return root.resolve("sha256").resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems cannot open directories for sync; the file itself is already durable
        }
    }

    private static MessageDigest sha256() {
        return DigestAlgorithm.SHA256.newDigest();
    }
}
