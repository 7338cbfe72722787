package org.sunbid.expert;

import java.util.HashMap;
import java.util.Map;

import org.springframework.test.web.servlet.MockMvc;
import org.sunbid.member.MemberFixtures;
import org.sunbid.support.Api;

/** Logs each test expert in once (password hashing is the slow part) and hands out its token. */
final class ExpertLogins {

    private final Map<ExpertFixtures.Expert, String> tokens = new HashMap<>();
    private final MockMvc mvc;

    ExpertLogins(MockMvc mvc) {
        this.mvc = mvc;
    }

    String token(ExpertFixtures.Expert e) throws Exception {
        String token = tokens.get(e);
        if (token == null) {
            token = Api.login(mvc, e.username(), MemberFixtures.PASSWORD);
            tokens.put(e, token);
        }
        return token;
    }
}
