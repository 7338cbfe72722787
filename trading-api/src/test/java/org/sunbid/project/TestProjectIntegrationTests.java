package org.sunbid.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.identity.AccountId;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.scheduler.TimeAccelerator;
import org.sunbid.support.PlatformTest;

/** A test project's statutory periods run through the scheduler's time accelerator; a real project's never do. */
@PlatformTest
class TestProjectIntegrationTests {

    @Autowired
    ProjectManagement projects;
    @Autowired
    TimeAccelerator accelerator;
    @Autowired
    Clock clock;

    Registration openTender(Duration bidPeriod) {
        Instant from = clock.instant().plusSeconds(30);
        return new Registration("测试项目 道路养护", ProjectType.CONSTRUCTION, Procedure.OPEN, new BigDecimal("1000000.00"),
                "财政资金", "测试〔2026〕1号", "330106", List.of("B0201"), "西湖区城建中心", null, null, "综合评估法", from,
                from.plus(bidPeriod).minusSeconds(1), from.plus(bidPeriod), from.plus(bidPeriod), "第一开标室", "测试公告",
                List.of(new Registration.LotRegistration("第一标段", new BigDecimal("1000000.00"), new BigDecimal("10000.00"),
                        null)));
    }

    @Test
    void aTestProjectMayRunItsTwentyDayBidPeriodInAcceleratedTimeWhileARealProjectMayNot() {
        Duration twentyAcceleratedDays = accelerator.scale(Duration.ofDays(20), true);
        assertThat(twentyAcceleratedDays).isLessThan(Duration.ofDays(1));
        Registration r = openTender(twentyAcceleratedDays);
        UUID member = UUID.randomUUID();
        UUID account = UUID.randomUUID();

        assertThatThrownBy(() -> projects.register(ProjectId.of(UUID.randomUUID()), MemberId.of(member), Role.TENDEREE, AccountId.of(account), r))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo("bid-period-minimum"));

        ProjectView test = projects.registerTestProject(ProjectId.of(UUID.randomUUID()), MemberId.of(member), Role.TENDEREE, AccountId.of(account), r);
        assertThat(test.testProject()).isTrue();
        CurrentUser owner = new CurrentUser(account, "t", Role.TENDEREE, Optional.of(member));
        assertThat(projects.find(owner, ProjectId.of(test.id())).testProject()).isTrue();

        Registration shorter = openTender(twentyAcceleratedDays.minusSeconds(2));
        assertThatThrownBy(() -> projects.registerTestProject(ProjectId.of(UUID.randomUUID()), MemberId.of(member), Role.TENDEREE, AccountId.of(account), shorter))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo("bid-period-minimum"));
    }
}
