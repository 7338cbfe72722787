package org.sunbid.platform.web;

/**
 * What text the platform refuses at the edge: control characters (PostgreSQL refuses NUL, the others corrupt logs,
 * PDFs and notices) and bidirectional overrides, which make {@code a\u202Egpj.exe} display as {@code aexe.jpg}.
 */
final class TextRules {

    /** Why a text was refused, with the offending code point. */
    record Violation(String reason, int codePoint) {

        String codePointLabel() {
            return "U+%04X".formatted(codePoint);
        }
    }

    private TextRules() {
    }

    /** Checks free text such as a JSON string: tab, line feed and carriage return are allowed. */
    static Violation checkText(String value) {
        return check(value, true);
    }

    /** Checks a single-line value such as a query parameter, a header-like name or a file name. */
    static Violation checkLine(String value) {
        return check(value, false);
    }

    private static Violation check(String value, boolean multiLine) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (multiLine && (cp == '\t' || cp == '\n' || cp == '\r')) {
                continue;
            }
            if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
                return new Violation("control-character", cp);
            }
            if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
                return new Violation("bidi-override", cp);
            }
            if (Character.isSurrogate((char) cp)) {
                return new Violation("control-character", cp);
            }
        }
        return null;
    }
}
