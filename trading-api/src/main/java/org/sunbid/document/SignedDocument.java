package org.sunbid.document;

import java.time.Instant;
import java.util.UUID;

/** An issued, signed PDF (without its bytes). */
public record SignedDocument(UUID id, DocumentKind kind, UUID subjectId, UUID ownerId, Visibility visibility,
        String title, String sha256, long size, String signer, Instant issuedAt) {
}
