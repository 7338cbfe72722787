package org.sunbid.credit.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.credit.Ban;
import org.sunbid.credit.CreditManagement;
import org.sunbid.credit.CreditRecord;

/** The public blacklist page: bans in force and bad records within their publication period; no login. */
@RestController
@RequestMapping("/api/public/credit")
@Tag(name = "public", description = "公开信息 Public")
class PublicCreditController {

    private final CreditManagement credit;

    PublicCreditController(CreditManagement credit) {
        this.credit = credit;
    }

    @GetMapping("/bans")
    @Operation(summary = "黑名单：当前有效的禁入决定 Bans in force")
    List<Ban> bans() {
        return credit.currentBans();
    }

    @GetMapping("/bad-records")
    @Operation(summary = "公示期内的不良行为记录 Bad records within their six-month publication period")
    List<CreditRecord> badRecords() {
        return credit.publishedBadRecords();
    }
}
