package org.sunbid.support;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.test.web.servlet.MockMvc;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberSetup;

/**
 * One fresh account per role (members approved, platform accounts created), logged in: role → access token. Test
 * classes are on the class path of applications that tests start without MockMvc (restart and start-up tests), so
 * MockMvc is looked up only when tokens are asked for.
 */
@org.springframework.stereotype.Component
public class RoleTokens {

    private final org.springframework.beans.factory.ObjectProvider<MockMvc> mvcs;
    private final MemberSetup members;
    private final AccountManagement accounts;

    RoleTokens(org.springframework.beans.factory.ObjectProvider<MockMvc> mvcs, MemberSetup members,
            AccountManagement accounts) {
        this.mvcs = mvcs;
        this.members = members;
        this.accounts = accounts;
    }

    public Map<Role, String> oneAccountPerRole() throws Exception {
        MockMvc mvc = mvcs.getObject();
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        for (Role role : List.of(Role.BIDDER, Role.TENDEREE, Role.AGENT, Role.EXPERT)) {
            tokens.put(role, Api.login(mvc, MemberFixtures.approved(members, role).username(), MemberFixtures.PASSWORD));
        }
        for (Role role : List.of(Role.CUSTODIAN, Role.STAFF, Role.REGULATOR, Role.ADMIN)) {
            String username = MemberFixtures.username(role.name().toLowerCase());
            accounts.createPlatformAccount(username, MemberFixtures.PASSWORD, role, "测试 " + role, null);
            tokens.put(role, Api.login(mvc, username, MemberFixtures.PASSWORD));
        }
        return tokens;
    }
}
