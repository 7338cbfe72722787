package org.sunbid.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a notice's text into its running text and the values of its "label：value" lines (项目名称：…；采购方式：…).
 * Labels are never indexed: otherwise a word of a label (采购 in 采购方式) would match every notice that carries the
 * line. Values stay searchable; snippets come from the running text only.
 */
final class NoticeText {

    /** A line that starts with a short label (no punctuation inside it) followed by a colon. */
    private static final Pattern FIELD_LINE = Pattern.compile(
            "^\\s*(?:[一二三四五六七八九十0-9]{1,3}[、.．]\\s*)?[\\p{IsHan}A-Za-z0-9（）()]{1,16}[：:](.*)$");
    /** A label at the start of a segment of a field line (after ；, ; or ，). */
    private static final Pattern LABEL = Pattern.compile(
            "(^|[；;，,])\\s*(?:[一二三四五六七八九十0-9]{1,3}[、.．]\\s*)?[\\p{IsHan}A-Za-z0-9（）()]{1,16}[：:]");

    record Parts(String prose, String values) {
    }

    private NoticeText() {
    }

    static Parts split(String text) {
        if (text == null || text.isBlank()) {
            return new Parts("", "");
        }
        List<String> prose = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String line : text.split("\\R")) {
            Matcher m = FIELD_LINE.matcher(line);
            if (m.matches()) {
                String value = LABEL.matcher(line.strip()).replaceAll("$1 ").replaceAll("[；;]", " ").strip();
                if (!value.isEmpty()) {
                    values.add(value);
                }
            } else if (!line.isBlank()) {
                prose.add(line.strip());
            }
        }
        return new Parts(String.join("\n", prose), String.join("\n", values));
    }
}
