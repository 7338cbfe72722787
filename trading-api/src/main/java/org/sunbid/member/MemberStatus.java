package org.sunbid.member;

/** Where a member stands in review. Only {@link #APPROVED} members may act in tenders. */
public enum MemberStatus {
    /** Registered or changed, waiting for staff review (待审核). */
    PENDING,
    /** Verified by staff (已审核). */
    APPROVED,
    /** Sent back to the member with a reason to correct (退回). */
    RETURNED,
    /** Barred for now; logins disabled (暂停). */
    SUSPENDED,
    /** Closed for good (注销). */
    CANCELLED
}
