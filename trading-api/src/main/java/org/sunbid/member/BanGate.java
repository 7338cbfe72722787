package org.sunbid.member;

import java.time.Instant;
import org.sunbid.platform.id.MemberId;

/**
 * What registration and approval ask before letting a party in: is it banned from all tenders? The credit feature
 * answers it (credit depends on member, so member names the question and credit implements it). Each method throws
 * a 422 problem of type {@code member-banned} naming {@code field} when a ban of scope ALL is in force.
 */
public interface BanGate {

    /** Approval: refused while the member itself is banned. */
    void refuseIfBanned(MemberId member, Instant at, String field);

    /** Registration and approval: refused while a ban names the party's USCC or ID number. */
    void refuseIfCodeBanned(String partyCode, Instant at, String field);
}
