package org.sunbid.project;

import java.nio.file.Path;

/** A stored tender-documents file: where it lies, its name and type as uploaded, size and SHA-256. */
public record DocumentFile(Path path, String fileName, String contentType, long size, String sha256) {
}
