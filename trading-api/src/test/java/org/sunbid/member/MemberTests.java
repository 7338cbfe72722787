package org.sunbid.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.identity.AccountId;
import org.sunbid.identity.Role;
import org.sunbid.platform.id.MemberId;

class MemberTests {

    static final Instant T = Instant.parse("2026-11-27T08:00:00Z");
    static final AccountId STAFF = AccountId.of(UUID.randomUUID());

    static CompanyProfile profile(String name, String bankAccount) {
        return new CompanyProfile(name, new UnifiedSocialCreditCode("91350100M000100Y43"),
                new CompanyProfile.LegalRepresentative("张三", new ResidentIdNumber("11010519491231002X")),
                Optional.empty(), List.of(new CompanyProfile.Contact("李四", "010-12345678", null)), "北京市海淀区中关村大街1号",
                new RegionCode("110108"), "房屋建筑工程施工", new CompanyProfile.BankAccount("中国工商银行北京海淀支行", bankAccount));
    }

    static Member pending() {
        return Member.registerCompany(MemberId.of(UUID.randomUUID()), Role.BIDDER, profile("甲建设工程有限公司", "0200001234567890"), T);
    }

    @Test
    void approvalRecordsWhoAndWhen() {
        Member m = pending();
        m.approve(STAFF, T.plusSeconds(60));
        assertThat(m.status()).isEqualTo(MemberStatus.APPROVED);
        assertThat(m.approvedBy()).contains(STAFF);
        assertThat(m.approvedAt()).contains(T.plusSeconds(60));
    }

    @Test
    void refusesToApproveTwiceOrToSuspendAPendingMember() {
        Member m = pending();
        m.approve(STAFF, T);
        assertThatThrownBy(() -> m.approve(STAFF, T)).isInstanceOfSatisfying(IllegalTransitionException.class,
                e -> assertThat(e.status()).isEqualTo(MemberStatus.APPROVED));
        Member other = pending();
        assertThatThrownBy(() -> other.suspend("x", STAFF, T)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void cancelledIsFinal() {
        Member m = pending();
        m.cancel("注销", STAFF, T);
        assertThatThrownBy(() -> m.approve(STAFF, T)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> m.reinstate(null, STAFF, T)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> m.changeProfile(profile("乙", "0200001234567890"), T))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void changingAVerifiedFieldSendsAnApprovedMemberBackToReview() {
        Member m = pending();
        m.approve(STAFF, T);
        assertThat(m.changeProfile(profile("甲建设工程有限公司", "0200009999999999"), T)).isTrue();
        assertThat(m.status()).isEqualTo(MemberStatus.PENDING);
    }

    @Test
    void changingOnlyContactDetailsKeepsApproval() {
        Member m = pending();
        m.approve(STAFF, T);
        CompanyProfile p = profile("甲建设工程有限公司", "0200001234567890");
        CompanyProfile moved = new CompanyProfile(p.name(), p.uscc(), p.legalRepresentative(), Optional.empty(),
                List.of(new CompanyProfile.Contact("王五", "13800138000", "w@example.cn")), "新地址", p.region(),
                p.businessScope(), p.bankAccount());
        assertThat(m.changeProfile(moved, T)).isFalse();
        assertThat(m.status()).isEqualTo(MemberStatus.APPROVED);
    }

    @Test
    void aReturnedMemberThatEditsIsPendingAgain() {
        Member m = pending();
        m.returnForCorrection("营业执照模糊", STAFF, T);
        assertThat(m.statusReason()).contains("营业执照模糊");
        m.changeProfile(profile("甲建设工程有限公司", "0200001234567890"), T);
        assertThat(m.status()).isEqualTo(MemberStatus.PENDING);
        assertThat(m.statusReason()).isEmpty();
    }

    @Test
    void poolEligibilityNeedsEightYearsAndASeniorTitle() {
        var id = new ResidentIdNumber("11010519491231002X");
        assertThat(new ExpertProfile("王", id, null, List.of("A01"), ExpertTitle.ASSOCIATE_SENIOR, 8, "13800138000")
                .eligibleForPool()).isTrue();
        assertThat(new ExpertProfile("王", id, null, List.of("A01"), ExpertTitle.SENIOR, 7, "13800138000")
                .eligibleForPool()).isFalse();
        assertThat(new ExpertProfile("王", id, null, List.of("A01"), ExpertTitle.INTERMEDIATE, 30, "13800138000")
                .eligibleForPool()).isFalse();
    }
}
