package org.sunbid.deposit.internal;

import java.math.BigDecimal;

/** What a statement says about itself: its id, the account and currency, and its signed opening and closing balances. */
public record StatementHeader(String statementRef, String account, String currency, BigDecimal openingBalance,
        BigDecimal closingBalance) {
}
