package org.sunbid.identity;

/** What an account may do. Anonymous callers are the public and carry no role. */
public enum Role {
    BIDDER, TENDEREE, AGENT, EXPERT, CUSTODIAN, STAFF, REGULATOR, ADMIN;

    /** Roles that belong to a registered member organisation or person. */
    public boolean isMemberRole() {
        return this == BIDDER || this == TENDEREE || this == AGENT || this == EXPERT;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
