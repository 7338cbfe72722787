package org.sunbid.evaluation;

/**
 * A rule of evaluation refused an act. {@code rule} is a stable slug (it becomes the problem type), {@code field} the
 * input it is about, or null when the act as a whole is refused.
 */
public class EvaluationRefused extends RuntimeException {

    private final String rule;
    private final String field;

    public EvaluationRefused(String rule, String field, String message) {
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
