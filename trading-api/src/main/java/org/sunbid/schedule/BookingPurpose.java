package org.sunbid.schedule;

/** Why a room is booked for a lot. */
public enum BookingPurpose {
    /** The lot's bid opening (开标). */
    OPENING,
    /** The lot's evaluation (评标). */
    EVALUATION
}
