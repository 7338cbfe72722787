package org.sunbid.expert;

/** Standing of an expert in the library: only ACTIVE experts are in a draw's pool. */
public enum ExpertStatus {
    ACTIVE,
    /** 暂停: staff suspended the expert (a complaint, an investigation); may be reinstated. */
    SUSPENDED,
    /** 退出: left the library for good. */
    RETIRED;

    /** Whether staff may move an expert from this status to {@code next}. */
    public boolean mayBecome(ExpertStatus next) {
        return switch (this) {
            case ACTIVE -> next == SUSPENDED || next == RETIRED;
            case SUSPENDED -> next == ACTIVE || next == RETIRED;
            case RETIRED -> false;
        };
    }
}
