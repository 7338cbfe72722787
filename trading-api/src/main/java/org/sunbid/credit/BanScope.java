package org.sunbid.credit;

/**
 * Which tenders a ban covers; also what a gate asks about. A ban applies to a gate when it covers ALL or exactly
 * the gate's scope; a gate asking about ALL (registration, login) is refused only by an ALL ban.
 */
public enum BanScope {
    ALL, CONSTRUCTION, PROCUREMENT;

    public boolean covers(BanScope asked) {
        return this == ALL || this == asked;
    }
}
