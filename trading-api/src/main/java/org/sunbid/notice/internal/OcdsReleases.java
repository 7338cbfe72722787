package org.sunbid.notice.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.sunbid.notice.Notice;
import org.sunbid.notice.NoticeBids;
import org.sunbid.notice.NoticeDraft;
import org.sunbid.notice.NoticeKind;

/** Turns notices into OCDS 1.1 releases, and a project's notices into a record with a compiled release. */
public final class OcdsReleases {

    public static final String VERSION = "1.1";

    private OcdsReleases() {
    }

    public static Map<String, Object> release(Notice n, String baseUrl) {
        return release(n, baseUrl, lot -> List.of());
    }

    /** The release, with the {@code bids} section (bids extension) from {@code bidsOfLot} after the opening. */
    public static Map<String, Object> release(Notice n, String baseUrl,
            Function<UUID, List<NoticeBids.OpenedBid>> bidsOfLot) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ocid", n.ocid());
        r.put("id", n.publicId());
        r.put("date", n.publishedAt().toString());
        r.put("tag", List.of(n.kind().ocdsTag()));
        r.put("initiationType", "tender");
        r.put("language", "zh");

        Map<String, Object> buyer = orgRef(n.tenderee());
        Map<String, Object> procuring = n.agency() != null && !n.agency().isBlank() ? orgRef(n.agency()) : buyer;
        List<Map<String, Object>> parties = new ArrayList<>();
        parties.add(party(n.tenderee(), procuring == buyer ? List.of("buyer", "procuringEntity") : List.of("buyer")));
        if (procuring != buyer) {
            parties.add(party(n.agency(), List.of("procuringEntity")));
        }
        if (n.winner() != null && !n.winner().isBlank()) {
            boolean awarded = n.kind() == NoticeKind.AWARD || n.kind() == NoticeKind.CONTRACT;
            parties.add(party(n.winner(), List.of(awarded ? "supplier" : "tenderer")));
        }
        r.put("parties", parties);
        r.put("buyer", buyer);

        Map<String, Object> tender = new LinkedHashMap<>();
        tender.put("id", n.transactionCode());
        tender.put("title", (n.test() ? org.sunbid.notice.NoticeDraft.TEST_TITLE : "") + n.projectName());
        if (n.kind() == NoticeKind.TENDER_ANNOUNCEMENT) {
            tender.put("description", n.body());
        }
        tender.put("status", switch (n.kind()) {
            case AWARD, CONTRACT -> "complete";
            case FAILED_TENDER -> "unsuccessful";
            case TERMINATION -> "cancelled";
            default -> "active";
        });
        tender.put("procuringEntity", procuring);
        if (n.amount() != null && n.kind() != NoticeKind.AWARD && n.kind() != NoticeKind.CANDIDATE_PUBLICITY
                && n.kind() != NoticeKind.CONTRACT) {
            tender.put("value", value(n.amount()));
        }
        String method = method(n.procedure());
        if (method != null) {
            tender.put("procurementMethod", method);
        }
        tender.put("procurementMethodDetails", n.procedure());
        String category = category(n.classificationCodes());
        if (category != null) {
            tender.put("mainProcurementCategory", category);
        }
        if (n.bidDeadline() != null) {
            tender.put("tenderPeriod", Map.of("endDate", n.bidDeadline().toString()));
        }
        if (!n.lots().isEmpty()) {
            List<Map<String, Object>> items = new ArrayList<>();
            List<Map<String, Object>> lots = new ArrayList<>();
            for (NoticeDraft.NoticeLot lot : n.lots()) {
                // the OCDS lots extension: tender.lots, each item naming its relatedLot
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("id", lot.id().toString());
                l.put("title", "第" + lot.number() + "标段 " + lot.name());
                if (lot.estimate() != null) {
                    l.put("value", value(lot.estimate()));
                }
                l.put("status", tender.get("status"));
                lots.add(l);
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", lot.id().toString());
                item.put("description", lot.number() + ". " + lot.name());
                item.put("relatedLot", lot.id().toString());
                if (!n.classificationCodes().isEmpty()) {
                    item.put("classification", Map.of("scheme", "CN-GPC", "id", n.classificationCodes().get(0)));
                }
                item.put("quantity", 1);
                if (lot.estimate() != null) {
                    item.put("unit", Map.of("name", "标段", "value", value(lot.estimate())));
                }
                items.add(item);
            }
            tender.put("items", items);
            tender.put("lots", lots);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", n.publicId());
        document.put("documentType", switch (n.kind()) {
            case AWARD -> "awardNotice";
            case CONTRACT -> "contractNotice";
            case CLARIFICATION -> "clarifications";
            default -> "tenderNotice";
        });
        document.put("title", n.title());
        document.put("url", baseUrl + n.permalink());
        document.put("datePublished", n.publishedAt().toString());
        document.put("format", "text/plain");
        document.put("language", "zh");
        if (n.kind() == NoticeKind.CONTRACT) {
            // the award it follows (by id, so a compiled release merges them), and the signed contract
            Map<String, Object> award = new LinkedHashMap<>();
            award.put("id", n.transactionCode() + "-award");
            award.put("status", "active");
            if (n.winner() != null && !n.winner().isBlank()) {
                award.put("suppliers", List.of(orgRef(n.winner())));
            }
            r.put("awards", List.of(award));
            Map<String, Object> contract = new LinkedHashMap<>();
            contract.put("id", n.transactionCode() + "-contract");
            contract.put("awardID", n.transactionCode() + "-award");
            contract.put("title", n.title());
            contract.put("status", "active");
            if (n.amount() != null) {
                contract.put("value", value(n.amount()));
            }
            contract.put("dateSigned", n.publishedAt().toString());
            contract.put("documents", List.of(document));
            r.put("contracts", List.of(contract));
        } else if (n.kind() == NoticeKind.AWARD || n.kind() == NoticeKind.CANDIDATE_PUBLICITY) {
            Map<String, Object> award = new LinkedHashMap<>();
            award.put("id", n.transactionCode() + "-award");
            award.put("title", n.title());
            award.put("status", n.kind() == NoticeKind.AWARD ? "active" : "pending");
            award.put("date", n.publishedAt().toString());
            if (n.amount() != null) {
                award.put("value", value(n.amount()));
            }
            if (n.winner() != null && !n.winner().isBlank()) {
                award.put("suppliers", List.of(orgRef(n.winner())));
            }
            award.put("documents", List.of(document));
            r.put("awards", List.of(award));
        } else {
            tender.put("documents", List.of(document));
        }
        if (n.correctsId() != null) {
            tender.put("amendments", List.of(Map.of("id", n.publicId(), "date", n.publishedAt().toString(),
                    "rationale", "更正 correction of an earlier notice")));
        }
        r.put("tender", tender);
        OcdsBids.of(n, bidsOfLot).ifPresent(bids -> r.put("bids", bids));
        return r;
    }

    public static Map<String, Object> releasePackage(List<Notice> notices, String baseUrl, String uri, Instant now) {
        Map<String, Object> p = packageHead(uri, now);
        p.put("releases", notices.stream().map(n -> release(n, baseUrl)).toList());
        return p;
    }

    /** A record package for one contracting process: every release plus the compiled release. */
    public static Map<String, Object> recordPackage(List<Notice> notices, String baseUrl, String uri, Instant now) {
        return recordPackage(notices, baseUrl, uri, now, lot -> List.of());
    }

    public static Map<String, Object> recordPackage(List<Notice> notices, String baseUrl, String uri, Instant now,
            Function<UUID, List<NoticeBids.OpenedBid>> bidsOfLot) {
        Map<String, Object> p = packageHead(uri, now);
        List<Map<String, Object>> releases = notices.stream().map(n -> release(n, baseUrl, bidsOfLot)).toList();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("ocid", notices.get(0).ocid());
        record.put("releases", releases);
        record.put("compiledRelease", compile(releases));
        p.put("records", List.of(record));
        return p;
    }

    /** Merges releases in date order (objects field by field, arrays of objects by id, other values replaced). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> compile(List<Map<String, Object>> releases) {
        Map<String, Object> compiled = new LinkedHashMap<>();
        for (Map<String, Object> release : releases) {
            compiled = (Map<String, Object>) merge(compiled, release);
        }
        compiled.put("id", compiled.get("ocid") + "-compiled");
        compiled.put("tag", List.of("compiled"));
        return compiled;
    }

    @SuppressWarnings("unchecked")
    private static Object merge(Object base, Object update) {
        if (base instanceof Map<?, ?> b && update instanceof Map<?, ?> u) {
            Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) b);
            u.forEach((k, v) -> out.put((String) k, out.containsKey(k) ? merge(out.get(k), v) : v));
            return out;
        }
        if (base instanceof List<?> b && update instanceof List<?> u && !u.isEmpty()
                && u.stream().allMatch(e -> e instanceof Map<?, ?> m && m.containsKey("id"))
                && b.stream().allMatch(e -> e instanceof Map<?, ?> m && m.containsKey("id"))) {
            Map<Object, Object> byId = new LinkedHashMap<>();
            b.forEach(e -> byId.put(((Map<?, ?>) e).get("id"), e));
            u.forEach(e -> byId.merge(((Map<?, ?>) e).get("id"), e, OcdsReleases::merge));
            return new ArrayList<>(byId.values());
        }
        return update;
    }

    private static Map<String, Object> packageHead(String uri, Instant now) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("uri", uri);
        p.put("version", VERSION);
        p.put("publishedDate", now.toString());
        p.put("publisher", Map.of("name", "Sunbid 公共资源交易平台"));
        p.put("license", "https://creativecommons.org/licenses/by/4.0/");
        return p;
    }

    private static Map<String, Object> value(java.math.BigDecimal amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }

    private static Map<String, Object> orgRef(String name) {
        return Map.of("id", partyId(name), "name", name);
    }

    private static Map<String, Object> party(String name, List<String> roles) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", partyId(name));
        p.put("name", name);
        p.put("roles", roles);
        return p;
    }

    static String partyId(String name) {
        return "CN-SUNBID-" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static String method(String procedure) {
        if (procedure == null) {
            return null;
        }
        return switch (procedure) {
            case "OPEN" -> "open";
            case "INVITED" -> "selective";
            case "COMPETITIVE_NEGOTIATION", "COMPETITIVE_CONSULTATION", "INQUIRY" -> "limited";
            case "SINGLE_SOURCE" -> "direct";
            case "AUCTION", "LISTING" -> "open";
            default -> null;
        };
    }

    private static String category(List<String> codes) {
        if (codes.isEmpty()) {
            return null;
        }
        return switch (codes.get(0).charAt(0)) {
            case 'A' -> "goods";
            case 'B' -> "works";
            case 'C' -> "services";
            default -> null;
        };
    }
}
