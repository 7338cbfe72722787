package org.sunbid.supervision;

/**
 * The outcome of recomputing the whole tree from the stored entries and comparing it with every signed tree head.
 *
 * @param intact         true when every entry and every head checks out
 * @param entriesChecked how many stored entries were read
 * @param headsChecked   how many signed tree heads were compared
 * @param firstBadSeq    the first sequence number that is missing, altered or out of place (null when intact)
 * @param reason         what is wrong there, e.g. {@code details-hash-mismatch}, {@code missing-entry}
 * @param seconds        how long the verification took
 */
public record VerificationReport(boolean intact, long entriesChecked, int headsChecked, Long firstBadSeq,
        String reason, double seconds) {
}
