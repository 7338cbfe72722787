package org.sunbid.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.sunbid.identity.PasswordLoginIntegrationTests.from;
import static org.sunbid.support.Api.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberSetup;
import org.sunbid.support.Api;
import org.sunbid.support.PlatformTest;
import tools.jackson.databind.JsonNode;

/** Login answers must not tell which user names exist, and failures must not let anyone lock a bidder out. */
@PlatformTest
class LoginProtectionIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberSetup members;

    private MvcResult login(String address, String username, String password) throws Exception {
        return mvc.perform(post("/api/auth/login").with(from(address)).contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("username", username, "password", password)))).andReturn();
    }

    /** Status and body without the per-request instance: what an attacker compares. */
    private static String answer(MvcResult result) throws Exception {
        JsonNode body = Api.body(result);
        // the seconds left tick down between two calls: compare them to within 5 s
        long retryAfter = Math.round(body.path("retryAfter").asInt(0) / 5.0);
        return result.getResponse().getStatus() + " " + body.get("type") + " " + body.get("field") + " "
                + body.path("detail").asText().replaceAll("\\d+", "N") + " " + retryAfter;
    }

    @Test
    void unknownAndExistingNamesGetTheSameAnswersThroughSevenFailures() throws Exception {
        String existing = MemberFixtures.approved(members, Role.BIDDER).username();
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> forExisting = new ArrayList<>();
        List<String> forUnknown = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            forExisting.add(answer(login("192.0.2.10", existing, "Wrong#Passw0rd")));
            forUnknown.add(answer(login("192.0.2.11", unknown, "Wrong#Passw0rd")));
        }
        assertThat(forExisting).isEqualTo(forUnknown);
        assertThat(forExisting.get(0)).startsWith("401");
        assertThat(forExisting.get(6)).startsWith("429");
    }

    @Test
    void unknownAndExistingNamesTakeSimilarTime() throws Exception {
        String existing = MemberFixtures.approved(members, Role.BIDDER).username();
        login("192.0.2.30", existing, "Wrong#Passw0rd");
        login("192.0.2.31", "warmup", "Wrong#Passw0rd");
        long known = 0;
        long unknown = 0;
        for (int i = 0; i < 4; i++) {
            long t0 = System.nanoTime();
            login("192.0.2.3" + (2 + i), existing, "Wrong#Passw0rd");
            long t1 = System.nanoTime();
            login("192.0.2.4" + (2 + i), "nobody-" + i + UUID.randomUUID(), "Wrong#Passw0rd");
            long t2 = System.nanoTime();
            known += t1 - t0;
            unknown += t2 - t1;
        }
        // both spend one password hash: within a factor of two of each other, not 3 ms against 66 ms
        assertThat((double) Math.max(known, unknown) / Math.min(known, unknown)).isLessThan(2.0);
    }

    @Test
    void anAddressThatFailsFiftyTimesIsLockedOutButOthersAreNot() throws Exception {
        String owner = MemberFixtures.approved(members, Role.BIDDER).username();
        for (int i = 0; i < 50; i++) {
            login("192.0.2.99", "spray-" + i, "Wrong#Passw0rd");
        }
        assertThat(login("192.0.2.99", owner, MemberFixtures.PASSWORD).getResponse().getStatus()).isEqualTo(429);
        assertThat(login("192.0.2.100", owner, MemberFixtures.PASSWORD).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void certificateChallengesAreIssuedAlikeForUnknownNames() throws Exception {
        String existing = MemberFixtures.approved(members, Role.BIDDER).username();
        MvcResult known = mvc.perform(post("/api/auth/challenges").contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("username", existing)))).andReturn();
        MvcResult unknown = mvc.perform(post("/api/auth/challenges").contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("username", "nobody-" + UUID.randomUUID())))).andReturn();
        assertThat(known.getResponse().getStatus()).isEqualTo(201);
        assertThat(unknown.getResponse().getStatus()).isEqualTo(201);
        assertThat(Api.body(unknown).get("challenge").asText()).matches("sunbid-login:[0-9a-f-]{36}:[\\w-]{43}");
        // answering either with a wrong signature, twice, gives the same answers
        List<String> answers = new ArrayList<>();
        for (MvcResult challenge : List.of(known, unknown)) {
            String id = Api.body(challenge).get("id").asText();
            for (int i = 0; i < 2; i++) {
                MvcResult r = mvc.perform(post("/api/auth/challenges/" + id + "/response")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of("signature", "AAAA", "format", "RAW")))).andReturn();
                answers.add(answer(r));
            }
        }
        assertThat(answers.subList(0, 2)).isEqualTo(answers.subList(2, 4));
    }
}
