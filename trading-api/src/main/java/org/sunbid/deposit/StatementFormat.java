package org.sunbid.deposit;

/** The statement formats the import reads: ISO 20022 camt.053 (001.02 to 001.08) and the documented CSV layout. */
public enum StatementFormat {
    CAMT053, CSV
}
