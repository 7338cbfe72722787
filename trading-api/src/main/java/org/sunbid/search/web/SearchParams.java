package org.sunbid.search.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The query string of a search, checked by Bean Validation at the edge: each broken parameter is named in the
 * problem. Rules across parameters (minimum ≤ maximum, from ≤ to, paging window) stay in {@code SearchQuery}.
 */
record SearchParams(
        @Size(max = 200, message = "{search.q.too-long.edge}") String q,
        @Pattern(regexp = KINDS, flags = Pattern.Flag.CASE_INSENSITIVE, message = "{search.kind.unknown.edge}") String kind,
        @Pattern(regexp = TYPES, flags = Pattern.Flag.CASE_INSENSITIVE, message = "{search.project-type.unknown.edge}")
        String projectType,
        @Size(max = 40, message = "{search.region.unknown.edge}") String region,
        @Pattern(regexp = "\\s*[A-Z][0-9]{0,10}\\s*", message = "{search.classification.format.edge}") String classification,
        @DecimalMin(value = "0", message = "{search.amount.negative}")
        @DecimalMax(value = "1e15", message = "{search.amount.range}") BigDecimal minAmount,
        @DecimalMin(value = "0", message = "{search.amount.negative}")
        @DecimalMax(value = "1e15", message = "{search.amount.range}") BigDecimal maxAmount,
        @Pattern(regexp = DATE, message = "{search.date.format.edge}") String from,
        @Pattern(regexp = DATE, message = "{search.date.format.edge}") String to,
        @Size(max = 100) String tenderee,
        @Size(max = 100) String agency,
        @Size(max = 100) String winner,
        @Pattern(regexp = "\\s*(relevance|date|amount)\\s*", flags = Pattern.Flag.CASE_INSENSITIVE,
                message = "{search.sort.unknown.edge}") String sort,
        @Min(value = 0, message = "{search.page.negative}") Integer page,
        @Min(value = 1, message = "{search.size.range.edge}") @Max(value = 100, message = "{search.size.range.edge}") Integer size,
        @Size(max = 500, message = "{search.after.invalid}") String after,
        @Pattern(regexp = "\\s*(true|false)\\s*", message = "{search.boolean.edge}") String includeTests) {

    private static final String KIND = "(tender-announcement|clarification|opening-record|candidate-publicity|award"
            + "|contract|failed-tender|termination|complaint-decision|tender_announcement|opening_record"
            + "|candidate_publicity|failed_tender|complaint_decision)";
    static final String KINDS = "\\s*" + KIND + "(\\s*,\\s*" + KIND + ")*\\s*";
    private static final String TYPE = "(construction|government_procurement|land_use_rights|mining_rights"
            + "|state_property)";
    static final String TYPES = "\\s*" + TYPE + "(\\s*,\\s*" + TYPE + ")*\\s*";
    /** An ISO date (a whole day in China time) or an ISO instant. */
    static final String DATE = "\\s*\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?Z)?\\s*";
}
