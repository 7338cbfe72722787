package org.sunbid.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.sunbid.bid.OpenedLotScenario;
import org.sunbid.expert.internal.AnswerLinks;
import org.sunbid.expert.internal.InvitationMailer;
import org.sunbid.platform.id.MemberId;
import org.sunbid.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Answering an invitation through the signed links of the mail an expert received over real SMTP: the GET only shows
 * the invitation, the confirmation answers by the portal's rules, and every forged, altered, late, repeated or
 * misdirected link is refused with a problem while its seat stays as it was.
 */
class ExpertAnswerLinkIntegrationTests extends OpenedLotScenario {

    private static final Pattern LINK = Pattern.compile("/expert/answer\\.html\\?t=([A-Za-z0-9_-]+)");

    @Autowired
    ExpertLibrary library;

    @Autowired
    GreenMail expertSmtpServer;

    @Autowired
    AnswerLinks answerLinks;

    @Autowired
    InvitationMailer mailer;

    /** An expert of this test, the address its invitations go to and its name. */
    record Drawn(ExpertFixtures.Expert expert, String email, String name) {
    }

    /** The accept and decline tokens of the {@code nth} invitation mailed to the expert. */
    record Mailed(String accept, String decline, String body) {
    }

    Mailed mailTo(Drawn d, int nth) throws Exception {
        mailer.drain(); // the invitation mailer sends what the committed seats owe (the wait is only a safety net)
        await().atMost(Duration.ofSeconds(60))
                .until(() -> ExpertMailbox.to(expertSmtpServer, d.email()).size() >= nth);
        assertThat(ExpertMailbox.to(expertSmtpServer, d.email())).as("each invitation mailed once").hasSize(nth);
        MimeMessage message = ExpertMailbox.to(expertSmtpServer, d.email()).get(nth - 1);
        String body = message.getContent().toString();
        Matcher m = LINK.matcher(body);
        List<String> tokens = new ArrayList<>();
        while (m.find()) {
            tokens.add(m.group(1));
        }
        assertThat(tokens).as("one accept and one decline link").hasSize(2);
        return new Mailed(tokens.get(0), tokens.get(1), body);
    }

    MockHttpServletRequestBuilder confirm(String token, Map<String, ?> body) {
        return post("/api/public/expert-answers/{t}", token).contentType(MediaType.APPLICATION_JSON)
                .content(Api.json(body));
    }

    String seatState(UUID lot, ExpertFixtures.Expert e) {
        return jdbc().sql("select state from expert_seat where lot_id = ? and expert_id = ?").params(lot, e.id())
                .query(String.class).single();
    }

    static String problemType(JsonNode problem) {
        String type = problem.get("type").asText();
        return type.substring(type.lastIndexOf('/') + 1);
    }

    @Test
    void theMailedLinksAnswerOnlyOnConfirmationByThePortalsRulesAndRefuseEveryBadLink() throws Exception {
        String region = ExpertFixtures.freshRegion();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Map<UUID, Drawn> experts = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            String email = "link-" + tag + "-" + i + "@example.cn";
            ExpertFixtures.Expert e = ExpertFixtures.admitted(members(), library, region, "B0203", null, "SENIOR", 12,
                    email);
            experts.put(e.id(), new Drawn(e, email, library.find(new MemberId(e.id())).name()));
        }
        OpenedLot opened = openedLot(ExpertFixtures.plan("B0203", region, 5, 1, List.of()), 3);
        expect(with(opened.staff(), post("/api/projects/{p}/lots/{l}/expert-draw", opened.project(), opened.lot())), 200);
        List<Drawn> invited = jdbc().sql("select expert_id from expert_seat where lot_id = ? and state = 'INVITED' order by rank")
                .param(opened.lot()).query(UUID.class).list().stream().map(experts::get).toList();
        Drawn reserve = experts.values().stream().filter(d -> !invited.contains(d)).findFirst().orElseThrow();
        assertThat(invited).hasSize(5);
        Drawn a = invited.get(0);
        Drawn b = invited.get(1);
        Drawn c = invited.get(2);
        Drawn d = invited.get(3);

        // A's mail, to A's address only, names no other expert
        Mailed aMail = mailTo(a, 1);
        for (Drawn other : experts.values()) {
            if (other != a) {
                assertThat(aMail.body()).doesNotContain(other.name()).doesNotContain(other.email());
            }
        }

        // opening the link (what a mail scanner does) shows the invitation and answers nothing
        JsonNode view = expect(get("/api/public/expert-answers/{t}", aMail.accept()), 200);
        assertThat(view.get("asked").asText()).isEqualTo("ACCEPTED");
        assertThat(view.get("state").asText()).isEqualTo("INVITED");
        assertThat(view.get("open").asBoolean()).isTrue();
        assertThat(view.get("lotName").asText()).isNotBlank();
        assertThat(view.propertyNames()).containsExactlyInAnyOrder("projectName", "transactionCode", "lotName",
                "asked", "state", "answerDue", "open", "reasonMax");
        String shown = Api.json(view);
        for (Drawn any : experts.values()) {
            assertThat(shown).doesNotContain(any.name()).doesNotContain(any.expert().id().toString());
        }
        expect(get("/api/public/expert-answers/{t}", aMail.accept()), 200);
        assertThat(seatState(opened.lot(), a.expert())).isEqualTo("INVITED");

        // the confirmation accepts, once; the other link of the same mail cannot change it
        assertThat(expect(confirm(aMail.accept(), Map.of()), 200).get("state").asText()).isEqualTo("ACCEPTED");
        assertThat(problemType(expect(confirm(aMail.accept(), Map.of()), 409))).isEqualTo("invitation-answered");
        assertThat(problemType(expect(confirm(aMail.decline(), Map.of("reason", "临时有事")), 409)))
                .isEqualTo("invitation-answered");
        assertThat(seatState(opened.lot(), a.expert())).isEqualTo("ACCEPTED");
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc().sql("""
                select count(*) from supervision_entry where action = 'expert.invitation-accepted' and subject = ?
                and details like '%SIGNED_LINK%'""").param(opened.lot().toString()).query(Integer.class).single() == 1);

        // B declines: a reason is required; the decline promotes the reserve, whose own mailed link then works
        Mailed bMail = mailTo(b, 1);
        JsonNode noReason = expect(confirm(bMail.decline(), Map.of()), 400);
        assertThat(noReason.get("field").asText()).isEqualTo("reason");
        assertThat(seatState(opened.lot(), b.expert())).isEqualTo("INVITED");
        assertThat(expect(confirm(bMail.decline(), Map.of("reason", "与投标人存在利害关系，申请回避")), 200).get("state")
                .asText()).isEqualTo("DECLINED");
        assertThat(seatState(opened.lot(), reserve.expert())).isEqualTo("INVITED");
        Mailed reserveMail = mailTo(reserve, 1);
        assertThat(expect(confirm(reserveMail.accept(), Map.of()), 200).get("state").asText()).isEqualTo("ACCEPTED");
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc().sql("""
                select count(*) from supervision_entry where action = 'expert.invitation-declined' and subject = ?
                and details like '%SIGNED_LINK%'""").param(opened.lot().toString()).query(Integer.class).single() == 1);

        // tampered: any changed character, a token cut short, garbage, or C's fields under D's MAC
        Mailed cMail = mailTo(c, 1);
        Mailed dMail = mailTo(d, 1);
        String t = cMail.accept();
        char flipped = t.charAt(20) == 'A' ? 'B' : 'A';
        String altered = t.substring(0, 20) + flipped + t.substring(21);
        byte[] cRaw = Base64.getUrlDecoder().decode(cMail.accept());
        byte[] dRaw = Base64.getUrlDecoder().decode(dMail.accept());
        System.arraycopy(dRaw, 42, cRaw, 42, 32);
        String spliced = Base64.getUrlEncoder().withoutPadding().encodeToString(cRaw);
        for (String bad : List.of(altered, t.substring(0, t.length() - 4), "not-a-token", spliced)) {
            assertThat(problemType(expect(get("/api/public/expert-answers/{t}", bad), 403))).isEqualTo("answer-link-invalid");
            JsonNode refused = expect(confirm(bad, Map.of()), 403);
            assertThat(problemType(refused)).isEqualTo("answer-link-invalid");
            assertThat(refused.get("field").asText()).isEqualTo("token");
        }
        // a genuine signature over C's seat naming another expert (D): refused, the seat is C's alone
        String misdirected = answerLinks.token(new AnswerLinks.Claim(AnswerLinks.Answer.DECLINE,
                new SeatId(seatOf(opened.lot(), c)), new MemberId(d.expert().id()), Instant.parse(view.get("answerDue").asText())));
        assertThat(problemType(expect(confirm(misdirected, Map.of("reason", "冒名拒绝")), 403))).isEqualTo("answer-link-not-yours");
        // a link for another window of the same seat (not the one the platform mailed)
        String otherWindow = answerLinks.token(new AnswerLinks.Claim(AnswerLinks.Answer.ACCEPT,
                new SeatId(seatOf(opened.lot(), c)), new MemberId(c.expert().id()), Instant.parse("2030-01-01T00:00:00Z")));
        assertThat(problemType(expect(confirm(otherWindow, Map.of()), 403))).isEqualTo("answer-link-invalid");
        // D's own genuine link answers D's seat and nobody else's
        assertThat(expect(confirm(dMail.accept(), Map.of()), 200).get("state").asText()).isEqualTo("ACCEPTED");
        assertThat(seatState(opened.lot(), c.expert())).isEqualTo("INVITED");
        assertThat(seatState(opened.lot(), d.expert())).isEqualTo("ACCEPTED");

        // past the window: the link shows the invitation closed and the confirmation is refused
        clock().advance(Duration.ofMinutes(31));
        JsonNode late = expect(get("/api/public/expert-answers/{t}", cMail.accept()), 200);
        assertThat(late.get("open").asBoolean()).isFalse();
        assertThat(problemType(expect(confirm(cMail.accept(), Map.of()), 409))).isEqualTo("answer-window-closed");
        assertThat(seatState(opened.lot(), c.expert())).isEqualTo("INVITED");
    }

    UUID seatOf(UUID lot, Drawn d) {
        return jdbc().sql("select id from expert_seat where lot_id = ? and expert_id = ?").params(lot, d.expert().id())
                .query(UUID.class).single();
    }
}
