package org.sunbid.deposit;

/** Where a deposit stands: open (collecting and holding), refunding (refund instructed), refunded, forfeited. */
public enum DepositState {
    OPEN, REFUNDING, REFUNDED, FORFEITED
}
