package org.sunbid.platform;

/**
 * A business rule refused an act, thrown by plain domain code (no Spring): {@code rule} is the stable slug of the
 * problem type, {@code field} the input at fault or null. The web edge answers 422 problem+json with the message.
 */
public class RuleViolation extends RuntimeException {

    private final String rule;
    private final String field;

    public RuleViolation(String rule, String field, String message) {
        super(message);
        this.rule = rule;
        this.field = field;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}
