package org.sunbid.demo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sunbid.demo.tender.*}: the demo tender's people and pace. Only read when {@code sunbid.demo=true}.
 *
 * @param enabled        run the demo tender at start (with demo data on)
 * @param day            how long one statutory day lasts for the demo tender (its 20-day bid period becomes 20 × this);
 *                       in demo mode this is also the default of {@code sunbid.scheduler.test-project-day}
 * @param lead           publication happens within this after start; also the slack added to each statutory period
 * @param bidSpacing     time between two demo bidders' submissions (the first comes one spacing after the sale opens)
 * @param releaseDelay   time from the opening session's start to each next custodian's share release
 * @param bidders        the demo bidders' usernames (approved, unrelated to each other; at least three)
 * @param tenderee       the demo tenderee's username
 * @param staff          the centre staff account that accepts the project and clears the bidders' deposits
 * @param regulator      the regulator account that approves the announcement and documents
 * @param custodians     the custodian accounts holding the demo CA's custodian keys 1, 2, 3 (in that order)
 * @param project        the demo tender's project id (fixed, so that a second start finds it)
 * @param award          go on after the opening: expert draw, evaluation, publicity, award notice and contract
 */
@ConfigurationProperties("sunbid.demo.tender")
public record DemoTenderProperties(@DefaultValue("true") boolean enabled, @DefaultValue("6s") Duration day,
        @DefaultValue("5s") Duration lead, @DefaultValue("8s") Duration bidSpacing,
        @DefaultValue("20s") Duration releaseDelay,
        @DefaultValue({ "bidder01", "bidder02", "bidder04", "bidder05" }) List<String> bidders,
        @DefaultValue("tenderee01") String tenderee, @DefaultValue("staff1") String staff,
        @DefaultValue("regulator1") String regulator,
        @DefaultValue({ "custodian1", "custodian2", "custodian3" }) List<String> custodians,
        @DefaultValue(DemoTender.DEFAULT_PROJECT) UUID project, @DefaultValue("true") boolean award) {

    public DemoTenderProperties {
        if (bidders == null || bidders.size() < 3) {
            throw new IllegalArgumentException("sunbid.demo.tender.bidders needs at least three bidders (an opening needs three bids)");
        }
        bidders = List.copyOf(bidders);
        custodians = custodians == null ? List.of() : List.copyOf(custodians);
        project = project == null ? DemoTender.PROJECT : project;
        for (Duration d : List.of(day, lead, bidSpacing, releaseDelay)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("sunbid.demo.tender durations must be positive");
            }
        }
    }
}
