package org.sunbid.deposit;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What an import did, in totals only: staff learn how much arrived and what needs them, never who paid into which
 * lot. {@code difference} is the statement's closing balance minus the ledger's bank balance (null when the
 * statement states no closing balance); {@code reconciled} is true when it is zero.
 */
public record ImportReport(UUID statementId, StatementFormat format, String statementRef, int entries, int newEntries,
        int duplicates, int credited, BigDecimal creditedTotal, int flaggedShort, int flaggedExcess, int suspense,
        BigDecimal suspenseTotal, int refundsPaid, int refundsReturned, int reversals, BigDecimal closingBalance,
        BigDecimal ledgerBalance, BigDecimal difference, boolean reconciled) {
}
