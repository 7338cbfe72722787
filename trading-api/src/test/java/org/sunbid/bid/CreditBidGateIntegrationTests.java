package org.sunbid.bid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.credit.BanKind;
import org.sunbid.credit.BanScope;
import org.sunbid.credit.CreditManagement;
import org.sunbid.identity.Role;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;

/** The bid gate asks the credit check with the tender's scope: a construction ban refuses a construction bid. */
class CreditBidGateIntegrationTests extends BidScenario {

    @Autowired
    List<BidderEligibility> gates;
    @Autowired
    CreditManagement credit;

    private Optional<BidderEligibility.Refusal> check(UUID member, UUID project, UUID lot) {
        return gates.stream().map(g -> g.check(MemberId.of(member), ProjectId.of(project), LotId.of(lot), List.of())).flatMap(Optional::stream)
                .filter(r -> r.rule().equals("member-banned")).findFirst();
    }

    private void ban(UUID member, BanScope scope) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), CreditManagement.ZONE);
        credit.imposeBan(new CreditManagement.NewBan(member, null, BanKind.BID_RIGGING_OR_BRIBERY, scope, "串通投标",
                "《招标投标法实施条例》第六十七条", "西湖区公共资源交易监督管理局", today, today.plusYears(1),
                new CreditManagement.Document("d.txt", "text/plain", "决定书".getBytes(StandardCharsets.UTF_8))),
                org.sunbid.identity.AccountId.of(UUID.randomUUID()));
    }

    @Test
    void aBidderBannedFromConstructionCannotBidOnAConstructionLotButOneBannedFromProcurementCan() throws Exception {
        String staff = platform(Role.STAFF);
        String regulator = platform(Role.REGULATOR);
        UUID[] projectAndLot = publishedProject(staff, regulator);
        Person construction = member(Role.BIDDER, "甲建设有限公司");
        Person procurement = member(Role.BIDDER, "乙建设有限公司");
        Person clean = member(Role.BIDDER, "丙建设有限公司");
        ban(construction.member(), BanScope.CONSTRUCTION);
        ban(procurement.member(), BanScope.PROCUREMENT);

        assertThat(check(construction.member(), projectAndLot[0], projectAndLot[1])).isPresent()
                .get().extracting(BidderEligibility.Refusal::messageKey).isEqualTo("credit.gate.bid-banned");
        assertThat(check(procurement.member(), projectAndLot[0], projectAndLot[1])).isEmpty();
        assertThat(check(clean.member(), projectAndLot[0], projectAndLot[1])).isEmpty();
    }
}
