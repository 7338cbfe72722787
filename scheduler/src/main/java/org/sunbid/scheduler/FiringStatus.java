package org.sunbid.scheduler;

/** Where a firing stands in the history. */
public enum FiringStatus {
    /** Waiting for its due time. */
    PENDING,
    /** Its handler failed; another attempt is scheduled. */
    RETRYING,
    /** Its handler succeeded. */
    FIRED,
    /** Its handler failed on every attempt; staff must look at it. */
    FAILED,
    /** Cancelled or moved to another time before it fired. */
    CANCELLED;

    public boolean open() {
        return this == PENDING || this == RETRYING;
    }
}
