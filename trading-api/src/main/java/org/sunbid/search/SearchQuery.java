package org.sunbid.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sunbid.member.RegionCode;
import org.sunbid.platform.ProblemException;

/**
 * A validated search request. Shallow pages use {@code page}; deep paging passes the {@code after} cursor from the
 * previous result (search-after), which is required beyond {@link #MAX_WINDOW} hits. Notices of test projects are
 * left out unless {@code includeTests}.
 */
public record SearchQuery(String text, Set<String> kinds, Set<String> projectTypes, Optional<String> region,
        Optional<String> classificationPrefix, Optional<BigDecimal> minAmount, Optional<BigDecimal> maxAmount,
        Optional<Instant> from, Optional<Instant> to, Optional<String> tenderee, Optional<String> agency,
        Optional<String> winner, Sort sort, int page, int size, Optional<String> after, boolean includeTests) {

    public static final int MAX_TEXT = 200;
    public static final int MAX_SIZE = 100;
    public static final int MAX_WINDOW = 10_000;

    /** Result order; ties broken by id so paging is stable. */
    public enum Sort {
        RELEVANCE, DATE, AMOUNT
    }

    public SearchQuery {
        text = text == null ? "" : text.strip();
        if (text.length() > MAX_TEXT) {
            throw ProblemException.invalid("q", "search.q.too-long", MAX_TEXT);
        }
        kinds = Set.copyOf(kinds == null ? Set.of() : kinds);
        projectTypes = Set.copyOf(projectTypes == null ? Set.of() : projectTypes);
        region = region.filter(s -> !s.isBlank());
        classificationPrefix = classificationPrefix.filter(s -> !s.isBlank());
        tenderee = tenderee.filter(s -> !s.isBlank());
        agency = agency.filter(s -> !s.isBlank());
        winner = winner.filter(s -> !s.isBlank());
        after = after.filter(s -> !s.isBlank());
        sort = sort == null ? (text.isEmpty() ? Sort.DATE : Sort.RELEVANCE) : sort;
        region = region.map(SearchQuery::regionCode);
        if (classificationPrefix.isPresent() && !classificationPrefix.get().matches("[A-Z][0-9]{0,10}")) {
            throw ProblemException.invalid("classification", "search.classification.format", classificationPrefix.get());
        }
        if (minAmount.isPresent() && minAmount.get().signum() < 0) {
            throw ProblemException.invalid("minAmount", "search.amount.negative");
        }
        if (maxAmount.isPresent() && maxAmount.get().signum() < 0) {
            throw ProblemException.invalid("maxAmount", "search.amount.negative");
        }
        if (minAmount.isPresent() && maxAmount.isPresent() && minAmount.get().compareTo(maxAmount.get()) > 0) {
            throw ProblemException.invalid("maxAmount", "search.amount.order");
        }
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw ProblemException.invalid("to", "search.date.order");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.invalid("size", "search.size.range", MAX_SIZE);
        }
        if (page < 0) {
            throw ProblemException.invalid("page", "search.page.negative");
        }
        if ((long) (page + 1) * size > MAX_WINDOW && after.isEmpty()) {
            throw ProblemException.invalid("page", "search.page.too-deep", MAX_WINDOW);
        }
        if (after.isPresent() && page != 0) {
            throw ProblemException.invalid("page", "search.page.with-cursor");
        }
    }

    /**
     * A region as a code prefix (2–6 digits) or by its name in the region code table: the full name
     * (浙江省杭州市西湖区) or a unique ending of it (西湖区).
     */
    static String regionCode(String region) {
        String r = region.strip();
        if (r.matches("\\d{2,6}")) {
            return r;
        }
        List<String> codes = RegionCode.table().entrySet().stream().filter(e -> e.getValue().equals(r))
                .map(Map.Entry::getKey).toList();
        if (codes.isEmpty()) {
            codes = RegionCode.table().entrySet().stream().filter(e -> e.getValue().endsWith(r))
                    .map(Map.Entry::getKey).toList();
        }
        if (codes.size() != 1) {
            throw ProblemException.invalid("region", codes.isEmpty() ? "search.region.unknown" : "search.region.ambiguous",
                    r);
        }
        return codes.get(0);
    }

    /** A query for everything, newest first. */
    public static SearchQuery text(String text) {
        return builder().text(text).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds queries in tests and callers without the long constructor. */
    public static final class Builder {
        private String text = "";
        private Set<String> kinds = Set.of();
        private Set<String> projectTypes = Set.of();
        private String region;
        private String classification;
        private BigDecimal min;
        private BigDecimal max;
        private Instant from;
        private Instant to;
        private String tenderee;
        private String agency;
        private String winner;
        private Sort sort;
        private int page;
        private int size = 20;
        private String after;
        private boolean includeTests;

        public Builder text(String v) { text = v; return this; }
        public Builder kinds(Set<String> v) { kinds = v; return this; }
        public Builder projectTypes(Set<String> v) { projectTypes = v; return this; }
        public Builder region(String v) { region = v; return this; }
        public Builder classification(String v) { classification = v; return this; }
        public Builder minAmount(BigDecimal v) { min = v; return this; }
        public Builder maxAmount(BigDecimal v) { max = v; return this; }
        public Builder from(Instant v) { from = v; return this; }
        public Builder to(Instant v) { to = v; return this; }
        public Builder tenderee(String v) { tenderee = v; return this; }
        public Builder agency(String v) { agency = v; return this; }
        public Builder winner(String v) { winner = v; return this; }
        public Builder sort(Sort v) { sort = v; return this; }
        public Builder page(int v) { page = v; return this; }
        public Builder size(int v) { size = v; return this; }
        public Builder after(String v) { after = v; return this; }
        public Builder includeTests(boolean v) { includeTests = v; return this; }

        public SearchQuery build() {
            return new SearchQuery(text, kinds, projectTypes, Optional.ofNullable(region),
                    Optional.ofNullable(classification), Optional.ofNullable(min), Optional.ofNullable(max),
                    Optional.ofNullable(from), Optional.ofNullable(to), Optional.ofNullable(tenderee),
                    Optional.ofNullable(agency), Optional.ofNullable(winner), sort, page, size, Optional.ofNullable(after),
                    includeTests);
        }
    }
}
