package org.sunbid.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.bid.BidManagement;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.notice.NoticeKind;
import org.sunbid.notice.NoticeManagement;
import org.sunbid.opening.OpeningHall;
import org.sunbid.opening.StartOpening;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;
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

    @Autowired
    DemoTenders demoTenders;
    @Autowired
    AccountManagement accounts;
    @Autowired
    BidManagement bids;
    @Autowired
    OpeningHall openings;
    @Autowired
    StartOpening starts;
    @Autowired
    NoticeManagement notices;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
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
        return !bids.mine(new CurrentUser(a.id(), a.username(), a.role(), a.memberId()), LotId.of(lot)).isEmpty();
    }

    @Test
    void aRestartMidWayCarriesOnWithTheMissingBidsAndTheOpeningAndDuplicatesNothing() throws Exception {
        DemoTenders.Cast cast = demoTenders.cast(4);
        List<String> bidders = cast.bidders();
        UUID project = UUID.randomUUID();
        DemoTenderProperties settings = demoTenders.settings(cast, project, Duration.ofMillis(1500), Duration.ofMillis(500));

        // first start: stopped (as at shutdown) once two bids are in
        DemoTender first = demoTenders.tender(settings);
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
        DemoTender second = demoTenders.tender(settings);
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
            assertThat(bids.mine(new CurrentUser(a.id(), a.username(), a.role(), a.memberId()), LotId.of(lot))).as(b).hasSize(1);
        }
        assertThat(notices.ofProject(ProjectId.of(project))).filteredOn(n -> n.kind() == NoticeKind.TENDER_ANNOUNCEMENT).hasSize(1);
        assertThat(notices.ofProject(ProjectId.of(project))).filteredOn(n -> n.kind() == NoticeKind.OPENING_RECORD).hasSize(1);
    }

    static void awaitTrue(BooleanSupplier condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(condition::getAsBoolean);
    }
}
