package org.sunbid.expert;

/** Where a drawn expert's seat on a committee stands. */
public enum SeatState {
    /** Drawn as a reserve (候补), not yet asked. */
    RESERVE,
    /** Asked, the answer window is open. */
    INVITED,
    ACCEPTED,
    /** Declined with a reason. */
    DECLINED,
    /** No answer within the window. */
    EXPIRED,
    /** Removed after accepting (absence, a conflict found later); the reason is kept. */
    REPLACED,
    /** A reserve never asked because the committee was complete. */
    UNUSED;

    /** Whether the seat counts as one draw against the frequency cap (the expert was asked). */
    public boolean asked() {
        return this != RESERVE && this != UNUSED;
    }

    /** The seat no longer holds a place: it must be filled by a reserve or a replacement draw. */
    public boolean vacated() {
        return this == DECLINED || this == EXPIRED || this == REPLACED;
    }
}
