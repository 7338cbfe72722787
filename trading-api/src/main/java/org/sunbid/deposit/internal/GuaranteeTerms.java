package org.sunbid.deposit.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.sunbid.deposit.Money;
import org.sunbid.platform.ProblemException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an electronic guarantee (电子保函) says, read from the JSON its issuer signed (format {@code sunbid-guarantee/1},
 * documented in docs/deposits.md), and the rules it must meet to secure a bidder's deposit for a lot.
 */
public record GuaranteeTerms(String number, String issuerName, Party applicant, Party beneficiary, String projectCode,
        int lotNumber, Money amount, LocalDate validFrom, LocalDate validUntil) {

    public static final String FORMAT = "sunbid-guarantee/1";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_TEXT = 200;

    /** A party named in the guarantee by its unified social credit code (统一社会信用代码) and name. */
    public record Party(String name, String uscc) {
    }

    /** Reads the signed JSON; anything missing or malformed is a 400 naming the field. */
    public static GuaranteeTerms parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw ProblemException.invalid("document", "deposit.guarantee.malformed");
        }
        if (root == null || !root.isObject() || !FORMAT.equals(text(root, "format"))) {
            throw ProblemException.invalid("format", "deposit.guarantee.format", FORMAT);
        }
        if (!"CNY".equals(text(root, "currency"))) {
            throw ProblemException.invalid("currency", "deposit.guarantee.currency");
        }
        Money amount;
        try {
            amount = new Money(new BigDecimal(required(root, "amount")));
            if (amount.isZero()) {
                throw new IllegalArgumentException("zero");
            }
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("amount", "deposit.guarantee.amount-format");
        }
        JsonNode lot = root.get("lotNumber");
        if (lot == null || !lot.isInt() || lot.intValue() < 1) {
            throw ProblemException.invalid("lotNumber", "deposit.guarantee.field", "lotNumber");
        }
        return new GuaranteeTerms(required(root, "guaranteeNo"), required(root.path("issuer"), "name"),
                party(root, "applicant"), party(root, "beneficiary"), required(root, "projectCode"), lot.intValue(),
                amount, date(root, "validFrom"), date(root, "validUntil"));
    }

    private static Party party(JsonNode root, String field) {
        JsonNode p = root.get(field);
        if (p == null || !p.isObject()) {
            throw ProblemException.invalid(field, "deposit.guarantee.field", field);
        }
        return new Party(required(p, "name"), required(p, "uscc"));
    }

    private static LocalDate date(JsonNode root, String field) {
        try {
            return LocalDate.parse(required(root, field));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "deposit.guarantee.field", field);
        }
    }

    private static String required(JsonNode node, String field) {
        String v = text(node, field);
        if (v == null || v.isBlank() || v.length() > MAX_TEXT) {
            throw ProblemException.invalid(field, "deposit.guarantee.field", field);
        }
        return v.strip();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || !v.isString() ? null : v.asString();
    }

    /** What the platform expects of a guarantee for one bidder's deposit on one lot. */
    public record Expected(String projectCode, int lotNumber, String applicantUscc, String beneficiaryUscc,
            Money deposit, LocalDate deadlineDay, LocalDate validThrough, LocalDate today) {
    }

    /** A rule a guarantee breaks: the problem type, the field it names and the message key. */
    public enum Refusal {
        EXPIRED("guarantee-expired", "validUntil"),
        WRONG_APPLICANT("guarantee-applicant", "applicant"),
        WRONG_BENEFICIARY("guarantee-beneficiary", "beneficiary"),
        WRONG_LOT("guarantee-lot", "lotNumber"),
        AMOUNT_TOO_LOW("guarantee-amount", "amount"),
        STARTS_TOO_LATE("guarantee-validity", "validFrom"),
        VALIDITY_TOO_SHORT("guarantee-validity", "validUntil");

        private final String type;
        private final String field;

        Refusal(String type, String field) {
            this.type = type;
            this.field = field;
        }

        public String type() {
            return type;
        }

        public String field() {
            return field;
        }

        public String messageKey() {
            return "deposit.guarantee." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** The first rule this guarantee breaks for {@code expected}, or empty when it secures the deposit. */
    public Optional<Refusal> check(Expected expected) {
        if (validUntil.isBefore(expected.today())) {
            return Optional.of(Refusal.EXPIRED);
        }
        if (!applicant.uscc().equalsIgnoreCase(expected.applicantUscc())) {
            return Optional.of(Refusal.WRONG_APPLICANT);
        }
        if (!beneficiary.uscc().equalsIgnoreCase(expected.beneficiaryUscc())) {
            return Optional.of(Refusal.WRONG_BENEFICIARY);
        }
        if (!projectCode.equals(expected.projectCode()) || lotNumber != expected.lotNumber()) {
            return Optional.of(Refusal.WRONG_LOT);
        }
        if (amount.isLessThan(expected.deposit())) {
            return Optional.of(Refusal.AMOUNT_TOO_LOW);
        }
        if (validFrom.isAfter(expected.deadlineDay())) {
            return Optional.of(Refusal.STARTS_TOO_LATE);
        }
        if (validUntil.isBefore(expected.validThrough())) {
            return Optional.of(Refusal.VALIDITY_TOO_SHORT);
        }
        return Optional.empty();
    }
}
