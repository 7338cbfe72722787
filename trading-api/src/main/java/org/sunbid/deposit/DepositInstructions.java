package org.sunbid.deposit;

import java.time.Instant;
import java.util.List;

/**
 * What a bidder needs to pay its deposit for one lot, and where it stands: the virtual sub-account to pay into
 * from its basic account, the amount, the due time (the bid deadline), and what has arrived.
 */
public record DepositInstructions(String virtualAccount, String accountName, String bankName, Money amount,
        Instant dueBy, String payFrom, Money held, Money interest, DepositState state, boolean secured,
        List<RefundManagement.RefundView> refunds) {
}
