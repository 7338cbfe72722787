package org.sunbid.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.bid.BidManagement;
import org.sunbid.demo.DemoTender;
import org.sunbid.demo.DemoTenders;
import org.sunbid.demo.internal.DemoBidderFiles;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.CurrentUser;
import org.sunbid.opening.StartOpening;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.support.Browser;
import org.sunbid.support.BrowserTest;
import org.sunbid.support.MutableClock;

/**
 * The demo tender followed in the opening hall by a member of the centre's staff, from the countdown to the opening
 * record: the bids' count hidden before the opening, the custodians' releases, every bid opened with its price, the
 * participants who signed in, and the signed record. Browser tests run with demo data off, so the test makes the demo tender's people itself and starts the demo
 * tender programmatically; the test project's days last a minute here, so the test moves the platform clock over the
 * bid period and starts the session as the opening job would.
 */
@BrowserTest
class DemoHallBrowserIntegrationTests {

    @Autowired
    DemoTenders demoTenders;
    @Autowired
    AccountManagement accounts;
    @Autowired
    BidManagement bids;
    @Autowired
    StartOpening starts;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aStaffMemberWatchesTheDemoOpeningFromTheCountdownToTheRecord(Browser browser) throws Exception {
        DemoTenders.Cast cast = demoTenders.cast(3);
        List<String> bidders = cast.bidders();
        String staff = cast.staff();
        DemoTender demo = demoTenders.tender(demoTenders.settings(cast, UUID.randomUUID(), Duration.ofMillis(300),
                Duration.ofSeconds(2)));
        Thread runner = new Thread(demo::run, "demo-tender-test");
        runner.setDaemon(true);
        runner.start();

        DemoTender.Status status = until(() -> demo.status().filter(s -> s.phase().equals("BIDDING")));
        browser.signIn(staff, DemoTenders.PASSWORD, status.hallPath());
        browser.awaitText("#countdown", "距开标还有");
        assertThat(browser.find("#bid-count").getText()).isEqualTo("开标前不公开");
        browser.screenshot("demo-hall-countdown");

        // the demo bidders' sealed tenders arrive; then the bid period (20 accelerated days) passes
        until(() -> Optional.of(bidders).filter(all -> all.stream().allMatch(b -> !bids.mine(bidder(b), LotId.of(status.lotId()))
                .isEmpty())));
        clock.advance(Duration.between(clock.instant(), status.openingAt()).plusSeconds(1));
        starts.start(ProjectId.of(status.projectId()), LotId.of(status.lotId())); // what the open-bids job does at the opening time

        // the demo custodians release their shares; every bid is opened and the record appears
        browser.awaitText("#status", "已开标");
        browser.until(d -> d.findElements(By.cssSelector("#bids tbody tr[data-stage=OPENED]")).size() == 3);
        String table = browser.find("#bids").getText();
        for (int n = 1; n <= 3; n++) {
            assertThat(table).contains("%,.2f".formatted(DemoBidderFiles.price(new BigDecimal("8600000.00"), n)));
        }
        assertThat(browser.findAll("#custodians .badge.ok")).hasSizeGreaterThanOrEqualTo(2);
        // the demo bidders entered the hall before the opening, the releasing custodians before their release
        browser.until(d -> d.findElements(By.cssSelector("#participants li:not(.meta)")).size() >= 5);
        assertThat(browser.find("#participants").getText()).contains("密钥保管人 1", "密钥保管人 2");
        browser.until(d -> d.findElement(By.id("record-link")).isDisplayed());
        assertThat(browser.find("#record-link").getAttribute("href")).contains("/api/public/documents/").endsWith("/pdf");
        runner.join(30_000);
        assertThat(demo.status().orElseThrow().phase()).isEqualTo("OPENED");
    }

    CurrentUser bidder(String username) {
        AccountManagement.AccountView a = accounts.findByUsername(username).orElseThrow();
        return new CurrentUser(a.id(), a.username(), a.role(), a.memberId());
    }

    static <T> T until(java.util.function.Supplier<Optional<T>> condition) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(condition::get, Optional::isPresent).orElseThrow();
    }
}
