package org.sunbid.member;

/** A review act that the member's current status does not allow. */
public class IllegalTransitionException extends IllegalStateException {

    private final MemberStatus status;
    private final String action;

    public IllegalTransitionException(MemberStatus status, String action) {
        super("Member in status %s cannot be %s".formatted(status, action));
        this.status = status;
        this.action = action;
    }

    public MemberStatus status() {
        return status;
    }

    public String action() {
        return action;
    }
}
