package org.sunbid.project.internal;

import java.io.InputStream;
import java.nio.file.Path;

import org.springframework.stereotype.Component;
import org.sunbid.platform.BlobStore;

/** Tender documents in the platform's content-addressed {@link BlobStore} (SHA-256 named, fsynced). */
@Component
public class DocumentFiles {

    /** Tender documents larger than this are refused (the multipart limit usually refuses them first). */
    static final long MAX_BYTES = 200L * 1024 * 1024;

    public record Stored(String sha256, long size) {
    }

    private final BlobStore blobs;

    DocumentFiles(BlobStore blobs) {
        this.blobs = blobs;
    }

    public Stored store(InputStream in) {
        BlobStore.Blob blob = blobs.put(in, MAX_BYTES);
        return new Stored(blob.sha256(), blob.size());
    }

    public Path path(String sha256) {
        return blobs.pathOf(sha256);
    }
}
