package org.sunbid.support;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.test.web.servlet.MockMvc;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberManagement;

/** One fresh account per role (members approved, platform accounts created), logged in: role → access token. */
@org.springframework.stereotype.Component
public class RoleTokens {

    private final MockMvc mvc;
    private final MemberManagement members;
    private final AccountManagement accounts;

    RoleTokens(MockMvc mvc, MemberManagement members, AccountManagement accounts) {
        this.mvc = mvc;
        this.members = members;
        this.accounts = accounts;
    }

    public Map<Role, String> oneAccountPerRole() throws Exception {
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
