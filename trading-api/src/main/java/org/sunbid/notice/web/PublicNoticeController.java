package org.sunbid.notice.web;

import java.io.StringWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.sunbid.notice.Notice;
import org.sunbid.notice.NoticeBids;
import org.sunbid.notice.NoticeKind;
import org.sunbid.notice.NoticeManagement;
import org.sunbid.notice.internal.OcdsReleases;
import org.sunbid.platform.ProblemException;

/** Public, no-login reads of published notices: permalinks, lists, Atom feeds, the changes feed and OCDS data. */
@RestController
@RequestMapping("/api/public")
@Tag(name = "public notices", description = "公告公开查询 Public notices")
class PublicNoticeController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final NoticeManagement notices;
    private final Clock clock;
    private final ObjectProvider<NoticeBids> bids;

    PublicNoticeController(NoticeManagement notices, Clock clock, ObjectProvider<NoticeBids> bids) {
        this.notices = notices;
        this.clock = clock;
        this.bids = bids;
    }

    /** The opened bids of a lot, when the opening feature is present (none otherwise). */
    private List<NoticeBids.OpenedBid> bidsOf(java.util.UUID lot) {
        NoticeBids port = bids.getIfAvailable();
        return port == null ? List.of() : port.openedBids(new org.sunbid.platform.id.LotId(lot));
    }

    static final String TESTS = "测试项目的公告（test=true，标题以【测试】开头）默认不列出，includeTests=true 时列出。"
            + " Notices of test projects (test=true, titles starting with 【测试】) are left out unless includeTests=true.";
    static final String KINDS = "tender-announcement, clarification, opening-record, candidate-publicity, award, "
            + "failed-tender, termination";

    record NoticePage(List<Notice> items, String next) {
    }

    record Changes(List<Notice> items, String cursor, boolean hasMore) {
    }

    @GetMapping("/notices")
    @Operation(summary = "公告列表（最新在前）Latest notices, newest first; page on with ?before=<next>", description = TESTS)
    NoticePage list(@RequestParam Optional<String> kind, @RequestParam Optional<String> region,
            @RequestParam Optional<String> before, @RequestParam(defaultValue = "20") int limit,
            @RequestParam(defaultValue = "false") boolean includeTests) {
        int size = limit(limit, 100);
        List<Notice> items = notices.latest(kind(kind), region(region), before.map(b -> cursor("before", b)), size,
                includeTests);
        String next = items.size() == size ? String.valueOf(items.get(items.size() - 1).seq()) : null;
        return new NoticePage(items, next);
    }

    @GetMapping("/notices/{publicId}")
    @Operation(summary = "公告详情（永久链接）A notice by its public id (permalink)")
    Notice read(@PathVariable String publicId) {
        return find(publicId);
    }

    @GetMapping(path = "/notices/{publicId}/ocds", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "OCDS 1.1 发布 The notice as an OCDS 1.1 release")
    Map<String, Object> release(@PathVariable String publicId) {
        return OcdsReleases.release(find(publicId), baseUrl(), this::bidsOf);
    }

    @GetMapping(path = "/projects/{transactionCode}/ocds", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "OCDS 记录包 The project's OCDS record package (all releases plus the compiled release)")
    Map<String, Object> record(@PathVariable String transactionCode) {
        List<Notice> all = notices.ofTransactionCode(transactionCode);
        if (all.isEmpty()) {
            throw ProblemException.notFound("project", transactionCode);
        }
        String uri = baseUrl() + "/api/public/projects/" + transactionCode + "/ocds";
        return OcdsReleases.recordPackage(all, baseUrl(), uri, clock.instant(), this::bidsOf);
    }

    @GetMapping("/changes")
    @Operation(summary = "变更流（游标）Every notice in publication order after a cursor, for lossless mirroring",
            description = TESTS)
    Changes changes(@RequestParam(defaultValue = "0") String cursor, @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "false") boolean includeTests) {
        long after = cursor("cursor", cursor);
        int size = limit(limit, 1000);
        List<Notice> items = notices.changesAfter(after, size, includeTests);
        String next = items.isEmpty() ? String.valueOf(after) : String.valueOf(items.get(items.size() - 1).seq());
        return new Changes(items, next, items.size() == size);
    }

    @GetMapping(path = "/feeds/notices.atom")
    @Operation(summary = "Atom 订阅（按类型、地区）Atom feed of the latest notices, per kind and/or region",
            description = TESTS + " Entry categories, also the values of ?kind=: " + KINDS
                    + "; a test project's entries also carry the category `test`.")
    ResponseEntity<String> atom(@RequestParam Optional<String> kind, @RequestParam Optional<String> region,
            @RequestParam(defaultValue = "false") boolean includeTests) throws XMLStreamException {
        Optional<NoticeKind> k = kind(kind);
        Optional<String> r = region(region);
        List<Notice> items = notices.latest(k, r, Optional.empty(), 50, includeTests);
        String base = baseUrl();
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
        String self = base + "/api/public/feeds/notices.atom" + query(k, r);
        element(xml, "id", "tag:sunbid.org,2026:feed:" + k.map(NoticeKind::slug).orElse("all") + ":" + r.orElse("all"));
        element(xml, "title", "Sunbid 公告" + k.map(x -> " · " + x.slug()).orElse("") + r.map(x -> " · " + x).orElse(""));
        element(xml, "updated", items.isEmpty() ? clock.instant().toString() : items.get(0).publishedAt().toString());
        link(xml, "self", self);
        for (Notice n : items) {
            xml.writeStartElement("entry");
            element(xml, "id", "tag:sunbid.org,2026:notice:" + n.publicId());
            element(xml, "title", n.title());
            element(xml, "updated", n.publishedAt().toString());
            element(xml, "published", n.publishedAt().toString());
            link(xml, "alternate", base + n.permalink());
            xml.writeStartElement("author");
            element(xml, "name", n.agency() != null ? n.agency() : n.tenderee());
            xml.writeEndElement();
            xml.writeStartElement("category");
            xml.writeAttribute("term", n.kind().slug());
            xml.writeEndElement();
            if (n.test()) {
                xml.writeStartElement("category");
                xml.writeAttribute("term", "test");
                xml.writeAttribute("label", "测试项目 test project");
                xml.writeEndElement();
            }
            element(xml, "summary", n.body().length() > 300 ? n.body().substring(0, 300) + "…" : n.body());
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return ResponseEntity.ok().contentType(ATOM).body(out.toString());
    }

    private Notice find(String publicId) {
        return notices.find(publicId).orElseThrow(() -> ProblemException.notFound("notice", publicId));
    }

    private static String query(Optional<NoticeKind> k, Optional<String> r) {
        Map<String, String> q = new LinkedHashMap<>();
        k.ifPresent(x -> q.put("kind", x.slug()));
        r.ifPresent(x -> q.put("region", x));
        return q.isEmpty() ? "" : "?" + String.join("&", q.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }

    private static Optional<NoticeKind> kind(Optional<String> kind) {
        return kind.filter(s -> !s.isBlank())
                .map(s -> NoticeKind.parse(s).orElseThrow(() -> ProblemException.invalid("kind", "notice.kind.unknown", s)));
    }

    private static Optional<String> region(Optional<String> region) {
        return region.filter(s -> !s.isBlank()).map(s -> {
            if (!s.matches("\\d{2,6}")) {
                throw ProblemException.invalid("region", "notice.region.format", s);
            }
            return s;
        });
    }

    private static long cursor(String field, String value) {
        try {
            long v = Long.parseLong(value);
            if (v < 0) {
                throw ProblemException.invalid(field, "notice.cursor.invalid", value);
            }
            return v;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "notice.cursor.invalid", value);
        }
    }

    private static int limit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw ProblemException.invalid("limit", "notice.limit.range", 1, max);
        }
        return limit;
    }

    private static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
