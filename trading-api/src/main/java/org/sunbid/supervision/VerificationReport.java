package org.sunbid.supervision;

/**
 * The outcome of recomputing the whole tree from the stored entries and comparing it with every signed tree head,
 * and of checking that every recorded act has its entry.
 *
 * @param intact         true when every entry and every head checks out
 * @param entriesChecked how many stored entries were read
 * @param headsChecked   how many signed tree heads were compared
 * @param firstBadSeq    the first sequence number that is missing, altered or out of place (null when intact)
 * @param reason         what is wrong there, e.g. {@code details-hash-mismatch}, {@code missing-entry}
 * @param seconds        how long the verification took
 * @param completeness   whether every bid, notice, document, archive package and project has its entry (null when
 *                       not checked)
 */
public record VerificationReport(boolean intact, long entriesChecked, int headsChecked, Long firstBadSeq,
        String reason, double seconds, CompletenessReport completeness) {

    public VerificationReport(boolean intact, long entriesChecked, int headsChecked, Long firstBadSeq, String reason,
            double seconds) {
        this(intact, entriesChecked, headsChecked, firstBadSeq, reason, seconds, null);
    }

    /** The same report with the completeness check added. */
    public VerificationReport with(CompletenessReport checked) {
        return new VerificationReport(intact, entriesChecked, headsChecked, firstBadSeq, reason, seconds, checked);
    }
}
