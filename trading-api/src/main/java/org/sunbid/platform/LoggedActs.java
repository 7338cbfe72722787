package org.sunbid.platform;

/**
 * Acts a feature keeps rows of, each of which must have left an entry in the supervision log: the feature names the
 * entry's action and owns the query over its own tables that yields, per log subject, how many entries there must be
 * ({@code select <subject>::text, count(*) …}). The supervision log's verification counts the entries and names the
 * subjects that have fewer (an act with no trace).
 *
 * @param kind             what the rows are, e.g. {@code bid}
 * @param action           the entry's action code, e.g. {@code bid.bid-submitted}
 * @param subjectCountsSql two columns: the entry's subject as text, and how many such entries the rows require
 */
public record LoggedActs(String kind, String action, String subjectCountsSql) {
}
