package org.sunbid.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo data agree with themselves (what a visitor of the demo portal would otherwise catch): no award is shown for
 * a project still open for bidding, and every demo tenderee sits in the region of the projects it tenders.
 */
@DemoContextTest
class DemoCoherenceIntegrationTests {

    /** 浙江省杭州市西湖区 → city 杭州, district 西湖. */
    private static final Pattern PLACE = Pattern.compile("(?:.+?省)?(.+?)市(.+?)[区县市]$");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void noProjectShowsAWinnerWhileItIsStillOpenForBidding() {
        Timestamp now = Timestamp.from(clock.instant());
        assertThat(jdbc.sql("select count(*) from project where id::text like '5d0b1000-%' and bid_deadline > ?")
                .param(now).query(Long.class).single()).as("demo projects open for bidding").isPositive();
        List<String> contradictions = jdbc.sql("""
                select n.title from notice n join project p on p.id = n.project_id
                where n.kind in ('AWARD', 'CANDIDATE_PUBLICITY', 'OPENING_RECORD') and p.bid_deadline > ?""")
                .param(now).query(String.class).list();
        assertThat(contradictions).as("results published before the bid deadline").isEmpty();
    }

    @Test
    void everyDemoTendereeSitsInTheRegionOfItsProjects() {
        // the registry's demo tenderees are named after their own region
        var tenderees = jdbc.sql("""
                select m.name, m.region_code from member m join account a on a.member_id = m.id
                where m.role = 'TENDEREE' and a.username ~ '^tenderee[0-9]{2}$'""")
                .query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).list();
        assertThat(tenderees).hasSize(org.sunbid.demo.seed.DemoMembers.PER_ROLE).allSatisfy(t ->
                assertThat(t[0]).startsWith(new RegionCode(t[1]).name().orElseThrow()));
        // the demo tender's tenderee (tenderee01) runs a Xihu district project (region 330106): it sits in Xihu
        String demoTenderee = jdbc.sql("""
                select m.region_code from member m join account a on a.member_id = m.id where a.username = 'tenderee01'""")
                .query(String.class).single();
        assertThat(demoTenderee).isEqualTo("330106");
        // the demo projects' tenderees name the project's city and district
        var projects = jdbc.sql("select tenderee_name, region_code from project where id::text like '5d0b1000-%'")
                .query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).list();
        assertThat(projects).isNotEmpty().allSatisfy(p -> {
            Matcher place = PLACE.matcher(new RegionCode(p[1]).name().orElseThrow());
            assertThat(place.matches()).isTrue();
            assertThat(p[0]).as("tenderee of a project in %s", place.group(0)).contains(place.group(1))
                    .contains(place.group(2));
        });
    }
}
