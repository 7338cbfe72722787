package org.sunbid.deposit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Past-tense events of the deposit feature, for the supervision log. Before a lot's opening none of them names
 * which member paid into which lot: imports carry totals only.
 */
public final class DepositEvents {

    private DepositEvents() {
    }

    public record StatementImported(UUID statement, String statementRef, int newEntries, BigDecimal creditedTotal,
            int suspense, BigDecimal difference, UUID by, Instant at) {
    }

    public record BidValiditySet(UUID project, int days, UUID by, Instant at) {
    }

    public record SuspenseResolved(String bankRef, String resolution, String reason, UUID by, Instant at) {
    }

    public record CounterReceiptRecorded(UUID lot, BigDecimal amount, UUID by, Instant at) {
    }

    public record RefundProposed(UUID refund, UUID lot, String reason, Instant dueBy, Instant at) {
    }

    public record RefundBatchMade(UUID batch, int refunds, BigDecimal total, UUID by, Instant at) {
    }

    public record RefundBatchApproved(UUID batch, String file, String sha256, UUID by, Instant at) {
    }

    /** A refund not paid by its statutory due time: a supervision alert. */
    public record RefundLate(UUID refund, UUID lot, Instant dueBy, Instant at) {
    }

    public record ForfeitProposed(UUID forfeit, UUID lot, String reason, UUID by, Instant at) {
    }

    public record ForfeitDecided(UUID forfeit, UUID lot, boolean approved, UUID by, Instant at) {
    }

    public record GuaranteeIssuerTrusted(UUID issuer, String name, String fingerprint, UUID by, Instant at) {
    }

    public record GuaranteeIssuerRemoved(UUID issuer, UUID by, Instant at) {
    }

    /** A guarantee now secures a bidder's deposit; the log seals this entry until the lot's opening. */
    public record GuaranteeAccepted(UUID guarantee, UUID lot, UUID member, String issuer, String guaranteeNo,
            BigDecimal amount, UUID by, Instant at) {
    }

    /** A guarantee refused, with the rule it broke; the log seals this entry until the lot's opening. */
    public record GuaranteeRefused(UUID lot, UUID member, String rule, UUID by, Instant at) {
    }

    /** On an approved forfeit the platform issued the signed demand letter to the guarantee's issuer. */
    public record GuaranteeClaimed(UUID guarantee, UUID lot, UUID forfeit, UUID document, String sha256, UUID by,
            Instant at) {
    }
}
