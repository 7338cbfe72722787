package org.sunbid.blacklist.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.credit.Ban;
import org.sunbid.credit.CreditManagement;
import org.sunbid.credit.CreditRecord;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberManagement;
import org.sunbid.member.MemberViews;
import org.sunbid.platform.id.MemberId;

/**
 * The public blacklist with names: a company's registered name is public (it is on every notice); an expert is a
 * natural person, so an expert's name is not published here (the record is, by id).
 */
@RestController
@RequestMapping("/api/public/blacklist")
@Tag(name = "public", description = "公开信息 Public")
class PublicBlacklistController {

    /** A ban in force and the banned party's registered name (null for experts and unregistered parties). */
    record NamedBan(String partyName, Ban ban) {
    }

    /** A published bad record and the party's registered name (null for experts and unregistered parties). */
    record NamedRecord(String partyName, CreditRecord record) {
    }

    private final CreditManagement credit;
    private final MemberManagement members;

    PublicBlacklistController(CreditManagement credit, MemberManagement members) {
        this.credit = credit;
        this.members = members;
    }

    @GetMapping("/bans")
    @Operation(summary = "失信名单：当前有效的禁入决定及单位名称 Bans in force, with the company's name")
    List<NamedBan> bans() {
        Map<UUID, Optional<String>> names = new HashMap<>();
        return credit.currentBans().stream().map(b -> new NamedBan(name(names, b.memberId()), b)).toList();
    }

    @GetMapping("/bad-records")
    @Operation(summary = "公示期内的不良行为记录及单位名称 Published bad records, with the company's name")
    List<NamedRecord> badRecords() {
        Map<UUID, Optional<String>> names = new HashMap<>();
        return credit.publishedBadRecords().stream().map(r -> new NamedRecord(name(names, r.memberId()), r)).toList();
    }

    private String name(Map<UUID, Optional<String>> names, UUID memberId) {
        if (memberId == null) {
            return null;
        }
        return names.computeIfAbsent(memberId, id -> members.find(MemberId.of(id)).filter(m -> m.role() != Role.EXPERT)
                .map(MemberViews.MemberDetails::name)).orElse(null);
    }
}
