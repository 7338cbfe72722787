package org.sunbid.project.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.stereotype.Component;
import org.sunbid.platform.PlatformProperties;

/**
 * Tender documents stored content-addressed on disk ({@code blobs/sha256/ab/cd/<hash>}), hashed while streaming and
 * fsynced before the move into place. A stand-in until {@code org.sunbid.platform.BlobStore} lands on main.
 */
@Component
public class DocumentFiles {

    public record Stored(String sha256, long size) {
    }

    private final Path root;

    DocumentFiles(PlatformProperties platform) {
        this.root = platform.dataDir().resolve("blobs").resolve("sha256");
    }

    public Stored store(InputStream in) {
        try {
            Files.createDirectories(root);
            Path tmp = Files.createTempFile(root, "upload-", ".tmp");
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                long size;
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha)) {
                    size = in.transferTo(out);
                }
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                String hex = HexFormat.of().formatHex(sha.digest());
                Path target = path(hex);
                Files.createDirectories(target.getParent());
                if (!Files.exists(target)) {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                }
                return new Stored(hex, size);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }
}
