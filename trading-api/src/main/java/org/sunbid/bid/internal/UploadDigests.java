package org.sunbid.bid.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The SHA-256 of each upload kept while its bytes arrive, so that the completion need not read the whole file again.
 * This node's memory only, and only as far as it can prove it: a running digest exists for an upload when every byte
 * of it was appended on this node, in order, by appends that each committed their new received count; it is dropped
 * by anything else (an append that failed or was refused after it began, an append that starts where the digest does
 * not end, a restart, which empties this memory). After each append the file's identity, size and times are noted;
 * if any of them differs when the digest is used (the file was written, touched or replaced by anything else), the
 * digest is not used. Whoever finds no proven digest hashes the stored file, as before.
 */
@Component
public class UploadDigests {

    /** What the file looked like just after the append that the digest covers. */
    record FileState(long size, Object fileKey, long modifiedNanos, Object changed) {

        static FileState of(Path file) throws IOException {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            Object changed;
            try {
                changed = Files.getAttribute(file, "unix:ctime"); // not settable: any write or touch moves it
            } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
                changed = null;
            }
            return new FileState(a.size(), a.fileKey(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
                    changed);
        }
    }

    /** A digest of the upload's first {@code position} bytes; once they are all, only its final value. */
    private record Running(MessageDigest digest, long position, FileState file, String finalHex) {
    }

    private final ConcurrentHashMap<UUID, Running> running = new ConcurrentHashMap<>();

    /**
     * The running digest for an append at {@code offset}, taken out of this memory until {@link #keep}: a new one at
     * offset 0, the upload's own if it ends exactly at {@code offset} and the file is as that append left it, otherwise
     * none (the completion will hash the file). Call under the upload's append lock.
     */
    public Chunk begin(UUID upload, long offset, Path file) {
        Running prior = running.remove(upload);
        if (offset == 0) {
            return new Chunk(upload, sha256(), 0, null);
        }
        if (prior == null || prior.position() != offset || !prior.file().equals(stateOf(file))) {
            return new Chunk(upload, null, offset, null);
        }
        return new Chunk(upload, prior.digest(), offset, prior.finalHex());
    }

    /**
     * Keeps the chunk's digest after its append committed its received count ({@code received}); the file must be
     * as the append left it. A chunk that failed, or whose count did not commit, is simply not kept.
     */
    public void keep(Chunk chunk, long received, long expectedSize, Path file) {
        if (!chunk.intact() || chunk.position != received) {
            return;
        }
        FileState state = stateOf(file);
        if (state == null || state.size() != received) {
            return;
        }
        String finalHex = chunk.finalHex;
        MessageDigest digest = chunk.digest;
        if (finalHex == null && received == expectedSize) {
            finalHex = HexFormat.of().formatHex(digest.digest());
            digest = null;
        }
        running.put(chunk.upload, new Running(digest, received, state, finalHex));
    }

    /**
     * The SHA-256 (hex) of the upload's stored file from its running digest, if the digest covers exactly
     * {@code size} bytes and the file is still as the last append left it; empty when the file must be hashed.
     */
    public Optional<String> sha256(UUID upload, Path file, long size) {
        Running r = running.get(upload);
        if (r == null || r.finalHex() == null || r.position() != size) {
            return Optional.empty();
        }
        FileState now = stateOf(file);
        return r.file().equals(now) && now.size() == size ? Optional.of(r.finalHex()) : Optional.empty();
    }

    /** Forgets the upload's digest (completed, expired, or resumed elsewhere). */
    public void forget(UUID upload) {
        running.remove(upload);
    }

    private static FileState stateOf(Path file) {
        try {
            return FileState.of(file);
        } catch (IOException e) {
            return null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One append's share of the digest: the bytes written to the file, in order, as they are written. */
    public static final class Chunk {
        private final UUID upload;
        private final MessageDigest digest;
        private long position;
        private final String finalHex;
        private boolean failed;

        Chunk(UUID upload, MessageDigest digest, long position, String finalHex) {
            this.upload = Objects.requireNonNull(upload);
            this.digest = digest;
            this.position = position;
            this.finalHex = finalHex;
        }

        /** Adds bytes just written to the file at the chunk's position. */
        public void written(byte[] bytes, int off, int len) {
            if (len == 0) {
                return;
            }
            if (finalHex != null || digest == null) {
                failed = true; // nothing may follow a complete digest; no digest: nothing to keep
                return;
            }
            digest.update(bytes, off, len);
            position += len;
        }

        /** The append did not write exactly what it counted (an error while writing): the digest is not kept. */
        public void fail() {
            failed = true;
        }

        boolean intact() {
            return !failed && (digest != null || finalHex != null);
        }
    }
}
