package org.sunbid.evaluation.internal;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sunbid.evaluation.OfferedBid;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;

import tools.jackson.databind.JsonNode;

/**
 * The JSON a member signs as a score sheet ({@code sunbid-score-sheet/1}): format, lot, bid, member, values and an
 * optional comment. It must name the lot, bid and member it is submitted for, so a sheet signed for one bid cannot be
 * replayed for another. Also reads the optional itemised prices ({@code items}) of a bid form.
 */
public record SheetContent(Map<String, BigDecimal> values, String comment) {

    public static final String FORMAT = "sunbid-score-sheet/1";

    public static SheetContent parse(byte[] content, LotId lot, BidId bid, MemberId member) {
        JsonNode json;
        try {
            json = EvaluationStore.JSON.readTree(content);
        } catch (RuntimeException e) {
            throw ProblemException.rule("score-sheet-malformed", "content", "evaluation.refused",
                    "the sheet is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw ProblemException.rule("score-sheet-malformed", "content", "evaluation.refused",
                    "the sheet is not a JSON object");
        }
        require(json, "format", FORMAT);
        require(json, "lot", lot.value().toString());
        require(json, "bid", bid.value().toString());
        require(json, "member", member.value().toString());
        JsonNode values = json.get("values");
        if (values == null || !values.isObject()) {
            throw ProblemException.rule("score-sheet-incomplete", "content.values", "evaluation.refused",
                    "values are missing");
        }
        Map<String, BigDecimal> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : values.properties()) {
            JsonNode v = e.getValue();
            try {
                if (!v.isNumber() && !v.isString()) {
                    throw new NumberFormatException();
                }
                parsed.put(e.getKey(), new BigDecimal(v.asString()));
            } catch (NumberFormatException bad) {
                throw ProblemException.rule("score-not-a-number", "values." + e.getKey(), "evaluation.refused",
                        e.getKey() + " is not a number");
            }
        }
        JsonNode comment = json.get("comment");
        return new SheetContent(parsed, comment == null ? "" : comment.asString());
    }

    private static void require(JsonNode json, String field, String expected) {
        JsonNode v = json.get(field);
        if (v == null || !expected.equalsIgnoreCase(v.asString())) {
            throw ProblemException.rule("score-sheet-mismatch", "content." + field, "evaluation.refused",
                    "the sheet's %s must be %s".formatted(field, expected));
        }
    }

    /** The bid form's optional itemised prices; empty when it has none or is unreadable. */
    public static List<OfferedBid.PricedItem> items(String formJson) {
        if (formJson == null) {
            return List.of();
        }
        try {
            JsonNode items = EvaluationStore.JSON.readTree(formJson).get("items");
            List<OfferedBid.PricedItem> out = new ArrayList<>();
            if (items != null && items.isArray()) {
                for (JsonNode i : items) {
                    out.add(new OfferedBid.PricedItem(i.get("name").asString(), new BigDecimal(i.get("amount").asString())));
                }
            }
            return out;
        } catch (RuntimeException unreadable) {
            return List.of();
        }
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
