package org.sunbid.deposit.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The ledger's balances in memory: what the journal store keeps in its balance projection, and what the property
 * tests run against. A transaction whose idempotency key was seen is not applied again.
 */
public final class Ledger {

    private final Map<String, BigDecimal> balances = new HashMap<>();
    private final Set<String> keys = new HashSet<>();

    /** Applies {@code txn} unless its key was posted before; true when applied. */
    public boolean post(JournalTransaction txn) {
        if (!keys.add(txn.idempotencyKey())) {
            return false;
        }
        txn.deltas().forEach((account, delta) -> balances.merge(account, delta, BigDecimal::add));
        return true;
    }

    /** Debit-positive balance of {@code account}. */
    public BigDecimal balance(LedgerAccount account) {
        return balances.getOrDefault(account.key(), BigDecimal.ZERO);
    }

    /** Sum of all balances: zero for a ledger in balance. */
    public BigDecimal total() {
        return balances.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public Map<String, BigDecimal> balances() {
        return Map.copyOf(balances);
    }
}
