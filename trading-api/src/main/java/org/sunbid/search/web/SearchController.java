package org.sunbid.search.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.notice.NoticeKind;
import org.sunbid.platform.ProblemException;
import org.sunbid.search.SearchManagement;
import org.sunbid.search.SearchQuery;
import org.sunbid.search.SearchResult;

/** Public full-text search of notices (JSON and CSV), name suggestions, and the administrators' rebuild. */
@RestController
@Tag(name = "search", description = "公告检索 Notice search")
class SearchController {

    private static final ZoneId CHINA = org.sunbid.platform.PlatformZone.ZONE;
    private static final Set<String> PROJECT_TYPES = Set.of("CONSTRUCTION", "GOVERNMENT_PROCUREMENT", "LAND_USE_RIGHTS",
            "MINING_RIGHTS", "STATE_PROPERTY");
    private static final int CSV_MAX = 5000;

    private final SearchManagement search;

    SearchController(SearchManagement search) {
        this.search = search;
    }

    @GetMapping("/api/public/search")
    @Operation(summary = "全文检索公告 Search notices: full text, filters, sort, paging (page or after cursor), facets",
            description = "测试项目的公告默认不出现，includeTests=true 时出现。Notices of test projects are left out unless "
                    + "includeTests=true.")
    SearchResult search(@RequestParam Map<String, String> params) {
        return search.search(query(params, 20));
    }

    @GetMapping(path = "/api/public/search.csv", produces = "text/csv;charset=UTF-8")
    @Operation(summary = "导出检索结果 CSV Export search results as CSV (up to 5000 rows)")
    ResponseEntity<String> csv(@RequestParam Map<String, String> params) {
        StringBuilder out = new StringBuilder("\uFEFFpublicId,kind,title,tenderee,winner,amount,region,projectType,publishedAt,url\r\n");
        SearchQuery q = query(params, 100);
        int rows = 0;
        while (rows < CSV_MAX) {
            SearchResult r = search.search(q);
            for (SearchResult.Hit h : r.hits()) {
                out.append(String.join(",", cell(h.publicId()), cell(h.kind()), cell(h.title()), cell(h.tenderee()),
                        cell(h.winner()), cell(h.amount() == null ? "" : h.amount().toPlainString()),
                        cell(h.regionCode()), cell(h.projectType()), cell(h.publishedAt().toString()),
                        cell("/api/public/notices/" + h.publicId()))).append("\r\n");
                rows++;
            }
            if (r.next() == null || r.hits().isEmpty()) {
                break;
            }
            q = withAfter(q, r.next());
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"notices.csv\"")
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8")).body(out.toString());
    }

    @GetMapping("/api/public/search/suggest")
    @Operation(summary = "名称联想 Suggest tenderee / winner / agency names by prefix")
    List<String> suggest(@RequestParam String field, @RequestParam String prefix,
            @RequestParam(defaultValue = "10") int limit) {
        return search.suggest(field, prefix, limit);
    }

    record Rebuilt(String engine, long indexed) {
    }

    @PostMapping("/api/admin/search/rebuild")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "从数据库重建索引 Rebuild the search index from PostgreSQL")
    Rebuilt rebuild() {
        return new Rebuilt(search.engine(), search.rebuild());
    }

    /** Spreadsheet-safe CSV cell: quoted, quotes doubled, formula starters neutralised. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private static SearchQuery withAfter(SearchQuery q, String after) {
        return new SearchQuery(q.text(), q.kinds(), q.projectTypes(), q.region(), q.classificationPrefix(),
                q.minAmount(), q.maxAmount(), q.from(), q.to(), q.tenderee(), q.agency(), q.winner(), q.sort(), 0,
                q.size(), Optional.of(after), q.includeTests());
    }

    static SearchQuery query(Map<String, String> p, int defaultSize) {
        Set<String> kinds = list(p.get("kind")).stream()
                .map(k -> NoticeKind.parse(k).orElseThrow(() -> ProblemException.invalid("kind", "search.kind.unknown", k)).name())
                .collect(Collectors.toSet());
        Set<String> types = list(p.get("projectType")).stream().map(t -> t.toUpperCase(Locale.ROOT)).peek(t -> {
            if (!PROJECT_TYPES.contains(t)) {
                throw ProblemException.invalid("projectType", "search.project-type.unknown", t);
            }
        }).collect(Collectors.toSet());
        SearchQuery.Sort sort = Optional.ofNullable(p.get("sort")).filter(s -> !s.isBlank()).map(s -> {
            try {
                return SearchQuery.Sort.valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("sort", "search.sort.unknown", s);
            }
        }).orElse(null);
        Optional<Instant> from = date(p, "from", false);
        Optional<Instant> to = date(p, "to", true);
        return new SearchQuery(p.get("q"), kinds, types, opt(p, "region"), opt(p, "classification"),
                amount(p, "minAmount"), amount(p, "maxAmount"), from, to, opt(p, "tenderee"), opt(p, "agency"),
                opt(p, "winner"), sort, integer(p, "page", 0), integer(p, "size", defaultSize), opt(p, "after"),
                bool(p, "includeTests"));
    }

    private static boolean bool(Map<String, String> p, String name) {
        String v = p.getOrDefault(name, "false").strip();
        if (!v.equals("true") && !v.equals("false")) {
            throw ProblemException.invalid(name, "search.boolean", v);
        }
        return v.equals("true");
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Optional<String> opt(Map<String, String> p, String name) {
        return Optional.ofNullable(p.get(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static Optional<BigDecimal> amount(Map<String, String> p, String name) {
        return opt(p, name).map(v -> {
            try {
                BigDecimal a = new BigDecimal(v);
                if (a.abs().compareTo(new BigDecimal("1e15")) > 0) {
                    throw ProblemException.invalid(name, "search.amount.range");
                }
                return a;
            } catch (NumberFormatException e) {
                throw ProblemException.invalid(name, "search.amount.format", v);
            }
        });
    }

    private static int integer(Map<String, String> p, String name, int fallback) {
        return opt(p, name).map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw ProblemException.invalid(name, "search.integer.format", v);
            }
        }).orElse(fallback);
    }

    /** Accepts an ISO date (China time, whole day) or an ISO instant. */
    private static Optional<Instant> date(Map<String, String> p, String name, boolean endOfDay) {
        return opt(p, name).map(v -> {
            try {
                if (v.length() == 10) {
                    LocalDate d = LocalDate.parse(v);
                    return endOfDay ? d.plusDays(1).atStartOfDay(CHINA).toInstant().minusMillis(1)
                            : d.atStartOfDay(CHINA).toInstant();
                }
                return Instant.parse(v);
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid(name, "search.date.format", v);
            }
        });
    }
}
