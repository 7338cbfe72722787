package org.sunbid.project;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.platform.id.MemberId;

/** Named factories for project tests: accounts of each role and a valid open-tender registration. */
public final class ProjectFixtures {

    static final String PASSWORD = "Sunbid@Test2026";

    private ProjectFixtures() {
    }

    record Member(String username, UUID memberId) {
    }

    static Member memberAccount(AccountManagement accounts, Role role) {
        String username = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        UUID member = UUID.randomUUID();
        accounts.createMemberAccount(username, PASSWORD, role, MemberId.of(member), role + " 测试会员");
        return new Member(username, member);
    }

    static String platformAccount(AccountManagement accounts, Role role) {
        String username = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createPlatformAccount(username, PASSWORD, role, role + " 测试", null);
        return username;
    }

    /** An open tender of road works with one lot; deadline 25 days out, documents on sale 7 days from now. */
    public static Map<String, Object> openTender(String name) {
        Instant now = Instant.now();
        Map<String, Object> lot = new HashMap<>();
        lot.put("name", "第一标段 主线道路");
        lot.put("estimate", "10000000.00");
        lot.put("deposit", "200000.00");
        lot.put("referencePrice", Map.of("kind", "CONFIDENTIAL", "amount", "9500000.00"));
        Map<String, Object> r = new HashMap<>();
        r.put("name", name);
        r.put("type", "CONSTRUCTION");
        r.put("procedure", "OPEN");
        r.put("estimatedValue", "10000000.00");
        r.put("fundingSource", "财政资金");
        r.put("approvalReference", "西发改投资〔2026〕18号");
        r.put("regionCode", "330106");
        r.put("classificationCodes", List.of("B0201"));
        r.put("tendereeName", "杭州市西湖区城市建设发展中心");
        r.put("evaluationMethod", "综合评估法");
        r.put("documentsOnSaleFrom", now.plusSeconds(60).toString());
        r.put("documentsOnSaleUntil", now.plus(Duration.ofDays(7)).toString());
        r.put("bidDeadline", now.plus(Duration.ofDays(25)).toString());
        r.put("openingAt", now.plus(Duration.ofDays(25)).plusSeconds(1800).toString());
        r.put("openingPlace", "西湖区公共资源交易中心第一开标室");
        r.put("announcement", "杭州市西湖区城市建设发展中心就" + name + "进行公开招标，欢迎符合资格条件的投标人参加。");
        r.put("lots", List.of(lot));
        return r;
    }
}
