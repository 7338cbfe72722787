package org.sunbid.member.internal;

import java.util.function.Function;

import org.sunbid.member.InvalidValueException;
import org.sunbid.platform.ProblemException;

/** Reads user-typed fields: required, bounded, free of control characters; value records parsed with the field named. */
public final class FormFields {

    private FormFields() {
    }

    /** A required single-line text: trimmed, at most {@code max} characters, no control characters. */
    public static String text(String field, String value, int max) {
        String v = optionalText(field, value, max);
        if (v == null) {
            throw ProblemException.invalid(field, "member.field.required", field);
        }
        return v;
    }

    /** An optional single-line text; blank means absent. */
    public static String optionalText(String field, String value, int max) {
        return check(field, value, max, false);
    }

    /** A text that may span lines (tabs and line breaks allowed). */
    public static String multiline(String field, String value, int max, boolean required) {
        String v = check(field, value, max, true);
        if (v == null && required) {
            throw ProblemException.invalid(field, "member.field.required", field);
        }
        return v;
    }

    private static String check(String field, String value, int max, boolean lines) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean allowedBreak = lines && (c == '\n' || c == '\r' || c == '\t');
            if (!allowedBreak && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
                throw ProblemException.invalid(field, "member.field.control-character", field);
            }
        }
        if (v.codePointCount(0, v.length()) > max) {
            throw ProblemException.invalid(field, "member.field.too-long", field, max);
        }
        return v;
    }

    /** Parses a value record, turning its refusal into a 400 problem naming {@code field}. */
    public static <T> T value(String field, String raw, Function<String, T> parser) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.invalid(field, "member.field.required", field);
        }
        try {
            return parser.apply(raw);
        } catch (InvalidValueException e) {
            throw ProblemException.invalid(field, e.key(), field);
        }
    }
}
