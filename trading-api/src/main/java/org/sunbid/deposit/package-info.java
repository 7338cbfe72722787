/** Deposit escrow (保证金代收代退): virtual sub-accounts, bank statements in, a double-entry ledger, refunds with interest out, forfeits. */
package org.sunbid.deposit;
