package org.sunbid.scheduler;

/** A job kind that no {@link ScheduledTask} handles: refused when scheduling, fatal at start-up if stored. */
public class UnknownJobKindException extends IllegalArgumentException {

    private final String kind;

    public UnknownJobKindException(String kind) {
        super("No ScheduledTask handles job kind '" + kind + "'");
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
