package org.sunbid.notice;

/** The kinds of published notice, each with its OCDS release tag and the slug used in URLs and feeds. */
public enum NoticeKind {
    TENDER_ANNOUNCEMENT("tender", "tender-announcement"),
    CLARIFICATION("tenderAmendment", "clarification"),
    OPENING_RECORD("tenderUpdate", "opening-record"),
    CANDIDATE_PUBLICITY("awardUpdate", "candidate-publicity"),
    AWARD("award", "award"),
    CONTRACT("contract", "contract"),
    FAILED_TENDER("tenderCancellation", "failed-tender"),
    TERMINATION("tenderCancellation", "termination"),
    /** The regulator's decision on a complaint (投诉处理决定, 实施条例 art. 61). */
    COMPLAINT_DECISION("tenderUpdate", "complaint-decision");

    private final String ocdsTag;
    private final String slug;

    NoticeKind(String ocdsTag, String slug) {
        this.ocdsTag = ocdsTag;
        this.slug = slug;
    }

    public String ocdsTag() {
        return ocdsTag;
    }

    public String slug() {
        return slug;
    }

    /** Accepts the enum name or the slug, case-insensitively; empty when neither matches. */
    public static java.util.Optional<NoticeKind> parse(String value) {
        if (value == null) {
            return java.util.Optional.empty();
        }
        for (NoticeKind kind : values()) {
            if (kind.name().equalsIgnoreCase(value) || kind.slug.equalsIgnoreCase(value)) {
                return java.util.Optional.of(kind);
            }
        }
        return java.util.Optional.empty();
    }
}
