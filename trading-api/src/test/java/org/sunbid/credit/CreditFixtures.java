package org.sunbid.credit;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Request bodies for the regulators' credit API, shared by the tests that record bad behaviour and bans. */
public final class CreditFixtures {

    public static final byte[] DECISION = "行政处罚决定书 第 2026-001 号".getBytes(StandardCharsets.UTF_8);

    private CreditFixtures() {
    }

    /** A serious bad record of {@code who}, decided and effective on {@code effectiveFrom}. */
    public static Map<String, Object> badRecord(UUID who, LocalDate effectiveFrom) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberId", who.toString());
        body.put("kind", "BAD");
        body.put("severity", "SERIOUS");
        body.put("description", "提供虚假业绩材料");
        body.put("legalBasis", "《招标投标法实施条例》第六十八条");
        body.put("authority", "某区住房和城乡建设局");
        body.put("decidedOn", effectiveFrom.toString());
        body.put("effectiveFrom", effectiveFrom.toString());
        body.put("decisionDocument", Base64.getEncoder().encodeToString(DECISION));
        body.put("decisionFilename", "decision.txt");
        body.put("decisionMediaType", "text/plain");
        return body;
    }

    /** A ban of {@code who} of the given kind and scope from {@code start} to {@code end}. */
    public static Map<String, Object> ban(UUID who, String kind, String scope, LocalDate start, LocalDate end) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberId", who.toString());
        body.put("kind", kind);
        body.put("scope", scope);
        body.put("reason", "串通投标");
        body.put("legalBasis", "《招标投标法实施条例》第六十七条");
        body.put("authority", "某区公共资源交易监督管理局");
        body.put("startsOn", start.toString());
        body.put("endsOn", end.toString());
        body.put("decisionDocument", Base64.getEncoder().encodeToString(DECISION));
        return body;
    }
}
