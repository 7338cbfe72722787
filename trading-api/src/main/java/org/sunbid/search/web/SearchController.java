package org.sunbid.search.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
    private static final int CSV_MAX = 5000;

    private final SearchManagement search;

    SearchController(SearchManagement search) {
        this.search = search;
    }

    @GetMapping("/api/public/search")
    @Operation(summary = "全文检索公告 Search notices: full text, filters, sort, paging (page or after cursor), facets",
            description = "测试项目的公告默认不出现，includeTests=true 时出现。Notices of test projects are left out unless "
                    + "includeTests=true.")
    SearchResult search(@Valid @ModelAttribute SearchParams params) {
        return search.search(query(params, 20));
    }

    @GetMapping(path = "/api/public/search.csv", produces = "text/csv;charset=UTF-8")
    @Operation(summary = "导出检索结果 CSV Export search results as CSV (up to 5000 rows)")
    ResponseEntity<String> csv(@Valid @ModelAttribute SearchParams params) {
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

    /** The validated parameters as a query; only what Bean Validation cannot say (a calendar date) is checked here. */
    static SearchQuery query(SearchParams p, int defaultSize) {
        Set<String> kinds = list(p.kind()).stream().map(k -> NoticeKind.parse(k).orElseThrow().name()).collect(Collectors.toSet());
        Set<String> types = list(p.projectType()).stream().map(t -> t.toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
        SearchQuery.Sort sort = text(p.sort()).map(s -> SearchQuery.Sort.valueOf(s.toUpperCase(Locale.ROOT)))
                .orElse(null);
        return new SearchQuery(p.q(), kinds, types, text(p.region()), text(p.classification()),
                Optional.ofNullable(p.minAmount()), Optional.ofNullable(p.maxAmount()), date("from", p.from(), false),
                date("to", p.to(), true), text(p.tenderee()), text(p.agency()), text(p.winner()), sort,
                p.page() == null ? 0 : p.page(), p.size() == null ? defaultSize : p.size(), text(p.after()),
                text(p.includeTests()).map(Boolean::parseBoolean).orElse(false));
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** An ISO date (China time, whole day) or an ISO instant; the shape is checked already, the calendar here. */
    private static Optional<Instant> date(String name, String value, boolean endOfDay) {
        return text(value).map(v -> {
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
