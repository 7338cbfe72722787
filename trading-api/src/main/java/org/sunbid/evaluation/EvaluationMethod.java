package org.sunbid.evaluation;

import java.util.Locale;

/** The evaluation method fixed at intake (招标投标法实施条例 art. 49; 评标委员会和评标方法暂行规定 arts. 29–42). */
public enum EvaluationMethod {
    /** 经评审的最低投标价法: compliant bids ranked by evaluated price, lowest first. */
    LOWEST_EVALUATED_PRICE("经评审的最低投标价法"),
    /** 综合评估法: compliant bids ranked by weighted score (price, technical, business), highest first. */
    COMPREHENSIVE_SCORING("综合评估法");

    private final String label;

    EvaluationMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Reads the intake form's free-text method: the enum name or its Chinese label (also the short 综合评分法). */
    public static EvaluationMethod fromIntake(String text) {
        if (text == null) {
            throw new IllegalArgumentException("evaluation method is missing");
        }
        String t = text.strip();
        for (EvaluationMethod m : values()) {
            if (m.name().equalsIgnoreCase(t) || m.label.equals(t)) {
                return m;
            }
        }
        if (t.contains("最低") || t.toUpperCase(Locale.ROOT).contains("LOWEST")) {
            return LOWEST_EVALUATED_PRICE;
        }
        if (t.contains("综合") || t.toUpperCase(Locale.ROOT).contains("COMPREHENSIVE")) {
            return COMPREHENSIVE_SCORING;
        }
        throw new IllegalArgumentException("unknown evaluation method: " + text);
    }
}
