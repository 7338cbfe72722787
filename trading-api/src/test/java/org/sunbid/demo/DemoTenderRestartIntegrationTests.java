package org.sunbid.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.bid.BidManagement;
import org.sunbid.bid.OpeningKeys;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberSetup;
import org.sunbid.opening.JoinOpening;
import org.sunbid.opening.OpeningHall;
import org.sunbid.opening.ReleaseShare;
import org.sunbid.opening.StartOpening;
import org.sunbid.project.LotId;
import org.sunbid.project.ProjectId;
import org.sunbid.notice.NoticeKind;
import org.sunbid.notice.NoticeManagement;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.project.ProjectManagement;
import org.sunbid.project.ProjectPublication;
import org.sunbid.project.ProjectReview;
import org.sunbid.scheduler.TimeAccelerator;
import org.sunbid.signing.keys.DemoCa;
import org.sunbid.support.MutableClock;
import org.sunbid.support.PlatformTest;

/**
 * A restart in the middle of the demo tender: the platform stops after two of four bids, and the next start carries on
 * with the two missing bids and the opening, duplicating nothing. Runs in the ordinary test context (demo data off), so
 * the test makes the demo people itself; a test project's day lasts a minute here, so the clock is moved over the bid
 * period and the session is started as the opening job would start it.
 */
@PlatformTest
class DemoTenderRestartIntegrationTests {

    static final String PASSWORD = "Sunbid@Test2026";

    @Autowired
    PlatformProperties platform;
    @Autowired
    AccountManagement accounts;
    @Autowired
    MemberSetup members;
    @Autowired
    ProjectManagement projects;
    @Autowired
    ProjectReview review;
    @Autowired
    ProjectPublication publication;
    @Autowired
    OpeningKeys openingKeys;
    @Autowired
    BidManagement bids;
    @Autowired
    OpeningHall openings;
    @Autowired
    StartOpening starts;
    @Autowired
    ReleaseShare shareReleases;
    @Autowired
    JoinOpening hallEntries;
    @Autowired
    NoticeManagement notices;
    @Autowired
    TimeAccelerator accelerator;
    @Autowired
    MutableClock clock;
    @Autowired
    org.sunbid.award.AwardManagement awards;
    @Autowired
    org.sunbid.demo.internal.DemoBidding bidding;
    @Autowired
    org.sunbid.demo.internal.DemoCommittee committee;
    @Autowired
    org.sunbid.demo.internal.DemoEvaluation evaluation;
    @Autowired
    org.sunbid.demo.internal.DemoAward award;
    @Autowired
    org.springframework.core.env.Environment environment;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    DemoTender start(DemoTenderProperties settings) {
        return new DemoTender(settings, accounts, projects, review, publication, openings, awards, bidding, committee, evaluation, award,
                accelerator, (Clock) clock, environment);
    }

    static Thread inBackground(DemoTender demo) {
        Thread thread = new Thread(() -> {
            try {
                demo.run();
            } catch (RuntimeException stopped) {
                // the first run ends when the platform stops
            }
        }, "demo-tender-test");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    boolean hasBid(String username, UUID lot) {
        AccountManagement.AccountView a = accounts.findByUsername(username).orElseThrow();
        return !bids.mine(new CurrentUser(a.id(), a.username(), a.role(), a.memberId()), lot).isEmpty();
    }

    @Test
    void aRestartMidWayCarriesOnWithTheMissingBidsAndTheOpeningAndDuplicatesNothing() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String staff = "demo-staff-" + suffix;
        accounts.createPlatformAccount(staff, PASSWORD, Role.STAFF, "交易中心 演示", null);
        String regulator = "demo-regulator-" + suffix;
        accounts.createPlatformAccount(regulator, PASSWORD, Role.REGULATOR, "监管 演示", null);
        String tenderee = "demo-tenderee-" + suffix;
        accounts.createMemberAccount(tenderee, PASSWORD, Role.TENDEREE, UUID.randomUUID(), "西湖区留下街道办事处");
        List<String> bidders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            bidders.add(MemberFixtures.approved(members, Role.BIDDER).username());
        }
        char[] passphrase = platform.keys().passphrase().toCharArray();
        DemoCa ca = DemoCa.loadOrCreate(platform.caDirectory(), passphrase);
        List<String> custodians = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            String username = "demo-custodian-" + suffix + "-" + n;
            UUID id = accounts.createPlatformAccount(username, PASSWORD, Role.CUSTODIAN, "密钥保管人 " + n, null);
            openingKeys.bindCustodianCertificate(new CurrentUser(id, username, Role.CUSTODIAN, Optional.empty()),
                    ca.custodian(n, passphrase).certificate().getEncoded());
            custodians.add(username);
        }
        UUID project = UUID.randomUUID();
        DemoTenderProperties settings = new DemoTenderProperties(true, Duration.ofMinutes(1), Duration.ofSeconds(3),
                Duration.ofMillis(1500), Duration.ofMillis(500), bidders, tenderee, staff, regulator, custodians, project,
                false);

        // first start: stopped (as at shutdown) once two bids are in
        DemoTender first = start(settings);
        Thread firstRun = inBackground(first);
        awaitTrue(() -> first.status().isPresent() && hasBid(bidders.get(1), first.status().get().lotId()));
        first.stop();
        firstRun.join(10_000);
        assertThat(firstRun.isAlive()).isFalse();
        UUID lot = first.status().orElseThrow().lotId();
        assertThat(hasBid(bidders.get(0), lot)).isTrue();
        assertThat(hasBid(bidders.get(2), lot)).isFalse();
        assertThat(hasBid(bidders.get(3), lot)).isFalse();

        // the next start carries on: the missing bids, then (at the opening time) the shares and the opening
        DemoTender second = start(settings);
        Thread secondRun = inBackground(second);
        awaitTrue(() -> bidders.stream().allMatch(b -> hasBid(b, lot)));
        clock.advance(Duration.between(clock.instant(), second.status().orElseThrow().openingAt()).plusSeconds(1));
        starts.start(ProjectId.of(project), LotId.of(lot)); // what the open-bids job does at the opening time
        secondRun.join(60_000);
        assertThat(second.status().orElseThrow().phase()).isEqualTo("OPENED");

        CurrentUser centre = new CurrentUser(UUID.randomUUID(), "centre", Role.STAFF, Optional.empty());
        OpeningHall.SessionView session = openings.view(centre, ProjectId.of(project), LotId.of(lot));
        assertThat(session.results()).hasSize(4).allSatisfy(r -> assertThat(r.signature()).isEqualTo("VALID"));
        for (String b : bidders) {
            AccountManagement.AccountView a = accounts.findByUsername(b).orElseThrow();
            assertThat(bids.mine(new CurrentUser(a.id(), a.username(), a.role(), a.memberId()), lot)).as(b).hasSize(1);
        }
        assertThat(notices.ofProject(project)).filteredOn(n -> n.kind() == NoticeKind.TENDER_ANNOUNCEMENT).hasSize(1);
        assertThat(notices.ofProject(project)).filteredOn(n -> n.kind() == NoticeKind.OPENING_RECORD).hasSize(1);
    }

    static void awaitTrue(BooleanSupplier condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(condition::getAsBoolean);
    }
}
