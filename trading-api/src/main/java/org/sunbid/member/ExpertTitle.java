package org.sunbid.member;

/** Professional title (职称) of an expert. */
public enum ExpertTitle {
    /** 初级 */
    JUNIOR,
    /** 中级 */
    INTERMEDIATE,
    /** 副高级 */
    ASSOCIATE_SENIOR,
    /** 正高级 */
    SENIOR;

    /** A senior title (高级职称), as the Bidding Law asks of pool experts. */
    public boolean isSenior() {
        return this == ASSOCIATE_SENIOR || this == SENIOR;
    }
}
