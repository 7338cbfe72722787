package org.sunbid.bid;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.sunbid.platform.PlatformTrust;
import org.sunbid.platform.ProblemException;
import org.sunbid.signing.cms.CmsVerifier;
import org.sunbid.signing.cms.SignatureCheck;
import org.sunbid.signing.cms.VerifyOptions;
import org.sunbid.signing.timestamp.TimestampCheck;
import org.sunbid.signing.timestamp.TimestampVerifier;

/**
 * Checks a bid receipt JSON (as the bidder downloaded it) without the database: the platform's CMS signature over the
 * statement, the RFC 3161 time-stamp over the sealed file's hash, and that the receipt's fields say what was signed.
 */
@Service
public class ReceiptVerification {

    static final String TYPE = "sunbid-bid-receipt/1";
    private static final int MAX_STATEMENT = 16 * 1024;
    private static final int MAX_BASE64 = 512 * 1024;

    private final PlatformTrust trust;

    public ReceiptVerification(PlatformTrust trust) {
        this.trust = trust;
    }

    /** One finding: a stable code (for translation) and a technical detail. */
    public record Finding(String code, String detail) {
    }

    /**
     * What a receipt proves. {@code valid} only when both the signature and the time-stamp verify against the platform
     * root and every field matches the signed statement.
     */
    public record Check(boolean valid, String signer, Instant signedAt, Instant timestampTime, String timestampSerial,
            String timestampAuthority, String bid, String project, String lot, String member, String sha256, Long size,
            Instant receivedAt, List<Finding> problems) {
    }

    /** Checks a receipt given as the JSON object the API returned; malformed input is a 400 naming the field. */
    public Check check(Map<String, Object> receipt) {
        if (receipt == null) {
            throw ProblemException.invalid("statement", "bid.receipt-check.missing", "statement");
        }
        String statementJson = text(receipt, "statement", MAX_STATEMENT);
        byte[] signature = base64(receipt, "signature");
        byte[] token = base64(receipt, "timestampToken");
        Map<String, Object> statement;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> parsed = BidSubmissions.JSON.readValue(statementJson, Map.class);
            statement = parsed;
        } catch (RuntimeException e) {
            throw ProblemException.invalid("statement", "bid.receipt-check.statement-not-json");
        }
        if (statement == null || !TYPE.equals(statement.get("type"))) {
            throw ProblemException.invalid("statement", "bid.receipt-check.not-a-receipt", TYPE);
        }
        List<Finding> problems = new ArrayList<>();
        String signer = null;
        Instant signedAt = null;
        SignatureCheck sig = CmsVerifier.verify(signature, statementJson.getBytes(StandardCharsets.UTF_8),
                VerifyOptions.trusting(List.of(trust.root())));
        if (sig instanceof SignatureCheck.Valid v) {
            signer = v.signer().getSubjectX500Principal().getName();
            signedAt = v.signingTime();
            // the root also issues other certificates (time-stamping, demo members): only the document signer issues receipts
            if (!v.signer().equals(trust.documentSigner().certificate())) {
                problems.add(new Finding("signature.not-the-platform", signer));
            }
        } else if (sig instanceof SignatureCheck.Invalid i) {
            problems.add(new Finding("signature." + i.failure().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    i.detail()));
        }

        String sha256 = string(statement.get("sha256"));
        Instant timestampTime = null;
        String serial = null;
        String authority = null;
        byte[] digest = null;
        if (sha256 != null && sha256.matches("[0-9a-f]{64}")) {
            digest = HexFormat.of().parseHex(sha256);
        } else {
            problems.add(new Finding("statement.sha256", String.valueOf(sha256)));
        }
        if (digest != null) {
            TimestampCheck ts = TimestampVerifier.verify(token, digest, List.of(trust.root()));
            if (ts instanceof TimestampCheck.Valid v) {
                timestampTime = v.timestamp().time();
                serial = v.timestamp().serialNumber().toString(16);
                authority = v.timestamp().authority().getSubjectX500Principal().getName();
                if (!serial.equals(string(statement.get("timestampSerial")))) {
                    problems.add(new Finding("timestamp.serial-mismatch", serial + " ≠ " + statement.get("timestampSerial")));
                }
            } else if (ts instanceof TimestampCheck.Invalid i) {
                problems.add(new Finding("timestamp." + i.failure().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                        i.detail()));
            }
        }

        Instant receivedAt = instant(statement.get("receivedAt"));
        Long size = statement.get("size") instanceof Number n ? n.longValue() : null;
        same(problems, "bidId", receipt.get("bidId"), statement.get("bid"));
        same(problems, "lotId", receipt.get("lotId"), statement.get("lot"));
        same(problems, "sha256", receipt.get("sha256"), statement.get("sha256"));
        if (receipt.containsKey("size") && !(receipt.get("size") instanceof Number n && Objects.equals(n.longValue(), size))) {
            problems.add(new Finding("field.size", receipt.get("size") + " ≠ " + size));
        }
        if (receipt.containsKey("receivedAt") && !Objects.equals(instant(receipt.get("receivedAt")), receivedAt)) {
            problems.add(new Finding("field.receivedAt", receipt.get("receivedAt") + " ≠ " + statement.get("receivedAt")));
        }
        return new Check(problems.isEmpty(), signer, signedAt, timestampTime, serial, authority, string(statement.get("bid")),
                string(statement.get("project")), string(statement.get("lot")), string(statement.get("member")), sha256, size,
                receivedAt, List.copyOf(problems));
    }

    private static void same(List<Finding> problems, String field, Object outer, Object signed) {
        if (outer != null && !Objects.equals(String.valueOf(outer), string(signed))) {
            problems.add(new Finding("field." + field, outer + " ≠ " + signed));
        }
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(Map<String, Object> receipt, String field, int max) {
        if (!(receipt.get(field) instanceof String s) || s.isBlank()) {
            throw ProblemException.invalid(field, "bid.receipt-check.missing", field);
        }
        if (s.length() > max) {
            throw ProblemException.invalid(field, "bid.receipt-check.too-long", field, max);
        }
        return s;
    }

    private static byte[] base64(Map<String, Object> receipt, String field) {
        String s = text(receipt, field, MAX_BASE64);
        try {
            return Base64.getDecoder().decode(s.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "bid.receipt-check.not-base64", field);
        }
    }
}
