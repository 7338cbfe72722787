package org.sunbid.evaluation.internal;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.sunbid.platform.ProblemException;

import tools.jackson.databind.JsonNode;

/**
 * The JSON a bidder signs as its answer to a clarification ({@code sunbid-clarification-answer/1}): format,
 * clarification, lot, bid and text, nothing else. It must name the request it answers, so a signed answer cannot be
 * replayed for another; any other member (a price, items, a replaced form) is refused, as a clarification may not
 * change the bid's price or substance (招标投标法实施条例 art. 52).
 */
public final class AnswerContent {

    public static final String FORMAT = "sunbid-clarification-answer/1";
    private static final Set<String> MEMBERS = Set.of("format", "clarification", "lot", "bid", "text");

    private AnswerContent() {
    }

    /** The answer's text once the content names this request and carries nothing but text. */
    public static String text(byte[] content, UUID clarification, UUID lot, UUID bid) {
        JsonNode json;
        try {
            json = EvaluationStore.JSON.readTree(content);
        } catch (RuntimeException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            throw ProblemException.rule("clarification-answer-malformed", "content", "evaluation.refused",
                    "the answer is not a JSON object");
        }
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            if (!MEMBERS.contains(e.getKey())) {
                throw ProblemException.rule("clarification-cannot-change-offer", "content." + e.getKey(),
                        "evaluation.refused", "an answer explains the bid in text; it cannot carry " + e.getKey()
                                + " (实施条例 art. 52)");
            }
        }
        require(json, "format", FORMAT);
        require(json, "clarification", clarification.toString());
        require(json, "lot", lot.toString());
        require(json, "bid", bid.toString());
        JsonNode text = json.get("text");
        return text == null || !text.isString() ? "" : text.asString();
    }

    /** Builds the content a bidder signs (for bidtool, tests and the demo). */
    public static String of(UUID clarification, UUID lot, UUID bid, String text) {
        return EvaluationStore.JSON.writeValueAsString(new Signed(FORMAT, clarification.toString(), lot.toString(),
                bid.toString(), text));
    }

    private record Signed(String format, String clarification, String lot, String bid, String text) {
    }

    private static void require(JsonNode json, String field, String expected) {
        JsonNode v = json.get(field);
        if (v == null || !expected.equalsIgnoreCase(v.asString())) {
            throw ProblemException.rule("clarification-answer-mismatch", "content." + field, "evaluation.refused",
                    "the answer's %s must be %s".formatted(field, expected));
        }
    }
}
