package org.sunbid.bid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.identity.Role;
import org.sunbid.notice.NoticeDraft;
import org.sunbid.notice.NoticeKind;
import org.sunbid.notice.NoticeManagement;
import org.sunbid.supervision.SupervisionLog;
import tools.jackson.databind.JsonNode;

/**
 * The regulators' statistics endpoint ({@code org.sunbid.oversight}) over a real published lot with sealed bids and
 * an award notice; it lives beside the sealed-bid scenario it reuses.
 */
class OversightStatisticsIntegrationTests extends BidScenario {

    @Autowired
    NoticeManagement notices;

    @Autowired
    SupervisionLog log;

    @Test
    void regulatorsSeeProjectsByMonthBidsPerLotDaysToAwardAndLogGrowth() throws Exception {
        custodians(3);
        String staff = platform(Role.STAFF);
        String regulator = platform(Role.REGULATOR);
        UUID[] ids = publishedProject(staff, regulator);
        UUID project = ids[0];
        UUID lot = ids[1];
        X509Certificate opening = openingCertificate(project, lot);
        for (String name : List.of("杭州统计建设有限公司", "浙江统计路桥有限公司")) {
            Person bidder = member(Role.BIDDER, name);
            call(as(staff, post("/api/projects/{p}/lots/{l}/deposits/{m}/clearance", project, lot, bidder.member())), 204);
            submit(bidder, project, lot, sealedTender(bidder, lot, opening, "9000000.00"));
        }
        JsonNode view = call(as(staff, get("/api/projects/{id}", project)), 200);
        notices.publish(new NoticeDraft("oversight-test:" + project, NoticeKind.AWARD, project,
                view.get("transactionCode").asText(), view.get("name").asText(), "CONSTRUCTION", "OPEN", "中标结果公告",
                "中标人：杭州统计建设有限公司", "330106", List.of("B0201"), new BigDecimal("9000000.00"),
                view.get("tendereeName").asText(), null, "杭州统计建设有限公司", null, null, List.of(), null));
        log.issueTreeHeadNow(null);

        // before the opening nobody, regulators included, learns how many bids the lot holds
        JsonNode early = call(as(regulator, get("/api/oversight/statistics")), 200);
        assertThat(early.get("bidsPerLot").valueStream().map(l -> l.get("lotId").asText())).doesNotContain(lot.toString());

        clock.advance(java.time.Duration.ofDays(26));
        call(as(staff, post("/api/openings/{p}/{l}/start", project, lot)), 200);
        JsonNode stats = call(as(regulator, get("/api/oversight/statistics")), 200);

        String month = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM")
                .format(Instant.now().atZone(java.time.ZoneId.of("Asia/Shanghai")));
        assertThat(stats.get("projectsByMonth").valueStream()
                .filter(m -> m.get("month").asText().equals(month) && m.get("type").asText().equals("CONSTRUCTION"))
                .mapToLong(m -> m.get("projects").asLong()).sum()).isGreaterThanOrEqualTo(1);
        JsonNode ourLot = stats.get("bidsPerLot").valueStream().filter(l -> l.get("lotId").asText().equals(lot.toString()))
                .findFirst().orElseThrow();
        assertThat(ourLot.get("bids").asLong()).isEqualTo(2);
        assertThat(ourLot.get("transactionCode").asText()).isEqualTo(view.get("transactionCode").asText());
        JsonNode award = stats.get("intakeToAward");
        assertThat(award.get("awardedProjects").asLong()).isGreaterThanOrEqualTo(1);
        // other suites in this shared context award projects on a clock moved by weeks, so only the bounds hold here
        assertThat(award.get("averageDays").asDouble()).isGreaterThanOrEqualTo(0.0).isLessThan(366.0);
        JsonNode growth = stats.get("logGrowth");
        assertThat(growth.size()).isGreaterThanOrEqualTo(1);
        assertThat(growth.get(growth.size() - 1).get("treeSize").asLong())
                .isEqualTo(log.latestTreeHead().orElseThrow().treeSize());

        // bidders, staff and the public may not read it
        call(as(staff, get("/api/oversight/statistics")), 403);
        assertThat(mvc.perform(get("/api/oversight/statistics")).andReturn().getResponse().getStatus()).isEqualTo(401);
    }
}
