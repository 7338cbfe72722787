package org.sunbid.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.identity.AccountId;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberSetup;
import org.sunbid.member.MemberStatus;
import org.sunbid.platform.ProblemException;
import org.sunbid.support.PlatformTest;

/** The member registry calls the credit check at registration and approval. */
@PlatformTest
class CreditGatesIntegrationTests {

    @Autowired
    CreditManagement credit;
    @Autowired
    MemberSetup members;

    static final AccountId REGULATOR = new AccountId(UUID.randomUUID());

    private Ban ban(UUID member, String code) {
        LocalDate today = LocalDate.now(CreditManagement.ZONE);
        return credit.imposeBan(new CreditManagement.NewBan(member, code, BanKind.FRAUD, BanScope.ALL, "弄虚作假",
                "《招标投标法实施条例》第六十八条", "某区公共资源交易监督管理局", today, today.plusYears(1),
                new CreditManagement.Document("d.txt", "text/plain", "决定书".getBytes(StandardCharsets.UTF_8))),
                REGULATOR);
    }

    @Test
    void aCompanyWhoseCreditCodeIsBannedCannotRegisterUntilTheBanIsRevoked() {
        String uscc = MemberFixtures.uscc();
        Ban ban = ban(null, uscc);
        assertThatThrownBy(() -> members.registerCompany(
                MemberFixtures.company(Role.BIDDER, "被禁入有限公司", uscc, MemberFixtures.idNumber(), null), Map.of()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo("member-banned");
                    assertThat(e.field()).isEqualTo("uscc");
                });
        credit.revokeBan(new BanId(ban.id()), "复议撤销", REGULATOR);
        // Nothing was half-written by the refusal: the same code registers now (a leftover would be a duplicate).
        var registered = members.registerCompany(
                MemberFixtures.company(Role.BIDDER, "被禁入有限公司", uscc, MemberFixtures.idNumber(), null), Map.of());
        assertThat(registered.status()).isEqualTo(MemberStatus.PENDING);
    }

    @Test
    void aPendingMemberBannedBeforeReviewIsNotApproved() {
        var registered = members.registerCompany(MemberFixtures.company(Role.BIDDER, "待审有限公司"), Map.of());
        ban(registered.id(), null);
        assertThatThrownBy(() -> members.approve(registered.id(), null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo("member-banned"));
        assertThat(members.details(registered.id()).status()).isEqualTo(MemberStatus.PENDING);
    }

    @Test
    void aMemberWithoutBansIsApproved() {
        var registered = members.registerCompany(MemberFixtures.company(Role.TENDEREE, "清白有限公司"), Map.of());
        assertThat(members.approve(registered.id(), null).status()).isEqualTo(MemberStatus.APPROVED);
    }
}
