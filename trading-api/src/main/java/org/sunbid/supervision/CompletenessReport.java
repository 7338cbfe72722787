package org.sunbid.supervision;

import java.util.List;

/**
 * Whether every act the features keep a row of has its entry in the log (see {@code org.sunbid.platform.LoggedActs}):
 * bids (counted per lot, their entries being sealed until the opening), notices, signed documents, archive packages,
 * projects.
 *
 * @param complete       true when no act lacks its entry
 * @param actsChecked    how many rows were checked, over all kinds
 * @param missingCount   how many entries are missing in all (the list below is cut at {@link #MAX_LISTED})
 * @param missing        the subjects with fewer entries than acts, first {@link #MAX_LISTED}
 * @param waitingInOutbox entries committed with their acts but not yet appended when the check ran
 */
public record CompletenessReport(boolean complete, long actsChecked, long missingCount, List<Missing> missing,
        long waitingInOutbox) {

    public static final int MAX_LISTED = 1_000;

    /** A subject whose acts lack entries: {@code expected} rows call for that many entries, {@code found} exist. */
    public record Missing(String kind, String action, String subject, long expected, long found) {
    }
}
