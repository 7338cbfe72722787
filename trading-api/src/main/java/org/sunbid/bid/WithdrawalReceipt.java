package org.sunbid.bid;

import java.time.Instant;
import java.util.UUID;

/**
 * 撤回回执: the platform's signed statement that a bidder withdrew a bid before the deadline.
 *
 * @param statement       the canonical JSON that was signed ({@code type} {@code sunbid-bid-withdrawal-receipt/1})
 * @param signature       base64 of a detached CMS signature over {@code statement} by the platform's document key
 * @param timestampToken  base64 of an RFC 3161 token over the SHA-256 of the bidder's signed withdrawal (the statement's
 *                        {@code withdrawalSha256})
 * @param receiptDocument the signed PDF receipt's document id
 */
public record WithdrawalReceipt(UUID bidId, UUID lotId, Instant withdrawnAt, String statement, String signature,
        String timestampToken, UUID receiptDocument) {
}
