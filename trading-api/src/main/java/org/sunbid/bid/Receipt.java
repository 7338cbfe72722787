package org.sunbid.bid;

import java.time.Instant;
import java.util.UUID;

/**
 * 回执: the platform's signed statement that a sealed bid was received whole before the deadline.
 *
 * @param statement         the canonical JSON that was signed
 * @param signature         base64 of a detached CMS signature over {@code statement} by the platform's document key
 * @param timestampToken    base64 of an RFC 3161 token over the sealed file's SHA-256
 * @param receiptDocument   the signed PDF receipt's document id
 */
public record Receipt(UUID bidId, UUID lotId, String sha256, long size, Instant receivedAt, String statement,
        String signature, String timestampToken, UUID receiptDocument) {
}
