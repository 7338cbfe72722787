package org.sunbid.notice.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.sunbid.notice.Notice;
import org.sunbid.notice.NoticeBids;
import org.sunbid.notice.NoticeDraft;
import org.sunbid.notice.NoticeKind;

/**
 * The OCDS bids extension's {@code bids} section of a release: per lot the count of opened bids
 * ({@code statistics}, measure {@code bids}) and each bid with its bidder, price and receipt time ({@code details},
 * status {@code valid}). Only for notices published after an opening (the record, publicity, award, contract).
 */
final class OcdsBids {

    private static final java.util.Set<NoticeKind> AFTER_OPENING = java.util.EnumSet.of(NoticeKind.OPENING_RECORD,
            NoticeKind.CANDIDATE_PUBLICITY, NoticeKind.AWARD, NoticeKind.CONTRACT);

    private OcdsBids() {
    }

    static Optional<Map<String, Object>> of(Notice n, Function<UUID, List<NoticeBids.OpenedBid>> bidsOfLot) {
        if (!AFTER_OPENING.contains(n.kind()) || n.lots().isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, Object>> statistics = new ArrayList<>();
        List<Map<String, Object>> details = new ArrayList<>();
        for (NoticeDraft.NoticeLot lot : n.lots()) {
            List<NoticeBids.OpenedBid> bids = bidsOfLot.apply(lot.id());
            if (bids.isEmpty()) {
                continue;
            }
            Map<String, Object> count = new LinkedHashMap<>();
            count.put("id", lot.id() + "-bids");
            count.put("measure", "bids");
            count.put("value", bids.size());
            count.put("relatedLot", lot.id().toString());
            statistics.add(count);
            for (NoticeBids.OpenedBid b : bids) {
                Map<String, Object> bid = new LinkedHashMap<>();
                bid.put("id", b.bid().toString());
                bid.put("date", b.receivedAt().toString());
                bid.put("status", "valid");
                bid.put("tenderers", List.of(Map.of("name", b.bidder())));
                bid.put("value", Map.of("amount", b.price(), "currency", "CNY"));
                bid.put("relatedLots", List.of(lot.id().toString()));
                details.add(bid);
            }
        }
        if (statistics.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("statistics", statistics);
        section.put("details", details);
        return Optional.of(section);
    }
}
