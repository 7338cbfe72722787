package org.sunbid.award;

/** A rule of the award refused an act; {@code rule} is a stable slug, {@code field} the input it is about or null. */
public class AwardRefused extends RuntimeException {

    private final String rule;
    private final String field;

    public AwardRefused(String rule, String field, String message) {
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
