package org.sunbid.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.sunbid.demo.seed.DemoMembers;
import org.sunbid.support.Api;

/** The demo seeder ran at start (demo on); running it again changes nothing. */
@DemoContextTest
class DemoMembersIntegrationTests {

    @Autowired
    DemoMembers demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    private Map<String, Long> counts() {
        return Map.of(
                "members", count("select count(*) from member where name not like '测试%'"),
                "accounts", count("select count(*) from account"),
                "history", count("select count(*) from member_history"),
                "qualifications", count("select count(*) from member_qualification"));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void seedsThirtyMembersOfEachRoleMostlyApprovedWithValidCodes() throws Exception {
        for (String role : List.of("BIDDER", "TENDEREE", "AGENT", "EXPERT")) {
            long seeded = jdbc.sql("""
                    select count(*) from member m join account a on a.member_id = m.id
                    where m.role = ? and a.username ~ '^(bidder|tenderee|agency|expert)[0-9]{2}$'""")
                    .param(role).query(Long.class).single();
            assertThat(seeded).as(role).isEqualTo(DemoMembers.PER_ROLE);
        }
        var statuses = jdbc.sql("""
                select m.status, count(*) from member m join account a on a.member_id = m.id
                where a.username ~ '^(bidder|tenderee|agency|expert)[0-9]{2}$' group by m.status""")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list();
        Map<String, Long> byStatus = Map.ofEntries(statuses.toArray(Map.Entry[]::new));
        assertThat(byStatus.get("APPROVED")).isGreaterThan(80);
        assertThat(byStatus.get("PENDING")).isPositive();
        assertThat(byStatus.get("RETURNED")).isPositive();
        for (String uscc : jdbc.sql("select uscc from member where uscc is not null").query(String.class).list()) {
            new UnifiedSocialCreditCode(uscc);
        }
        assertThat(jdbc.sql("select name from member where role = 'BIDDER' limit 5").query(String.class).list())
                .allMatch(n -> n.endsWith("有限公司"));
        Api.login(mvc, "staff1", DemoMembers.PASSWORD);
        Api.login(mvc, "custodian3", DemoMembers.PASSWORD);
        Api.login(mvc, "bidder01", DemoMembers.PASSWORD);
    }

    @Test
    void runningTheSeederAgainChangesNothing() {
        Map<String, Long> before = counts();
        DemoMembers.Summary second = demo.seed();
        assertThat(second.membersCreated()).isZero();
        assertThat(second.accountsCreated()).isZero();
        assertThat(second.membersPresent()).isEqualTo(4 * DemoMembers.PER_ROLE);
        assertThat(counts()).isEqualTo(before);
    }
}
