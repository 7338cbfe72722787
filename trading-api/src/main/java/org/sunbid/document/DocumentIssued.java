package org.sunbid.document;

import java.time.Instant;
import java.util.UUID;

/** A platform document was rendered, signed and stored. */
public record DocumentIssued(UUID document, DocumentKind kind, UUID subject, String sha256, Instant at) {
}
