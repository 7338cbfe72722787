package org.sunbid.deposit.internal;

/** Receives a statement as it streams: its header once, before any entry, then each booked entry. */
public interface StatementSink {

    void header(StatementHeader header);

    void entry(BankEntry entry);
}
