package org.sunbid.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.sunbid.bid.OpenedLotScenario;
import org.sunbid.expert.internal.AnswerLinks;
import org.sunbid.expert.internal.InvitationMailer;
import org.sunbid.platform.id.MemberId;
import org.sunbid.support.Api;

/**
 * Invitation mails are owed by the seats the draw writes and sent by the background sender, never on the request
 * thread: they arrive once each, survive a sender that never ran, wait out a mail server that is down, and are not sent
 * for a seat answered or past its window. Tests that must control when mails go stop this node's sender thread and
 * call {@link InvitationMailer#drain()} (the sweep) themselves.
 */
class InvitationMailIntegrationTests extends OpenedLotScenario {

    @Autowired
    ExpertLibrary library;

    @Autowired
    GreenMail expertSmtpServer;

    @Autowired
    ExpertMailbox.SmtpRoute smtp;

    @Autowired
    InvitationMailer mailer;

    @Autowired
    AnswerLinks answerLinks;

    ExpertLogins logins;

    /** An expert of this test and the address its invitations go to. */
    record Drawn(ExpertFixtures.Expert expert, String email) {
    }

    /** A drawn lot: its experts in seat order (members by rank, then the reserve). */
    record Draw(OpenedLot opened, List<Drawn> invited, Drawn reserve) {
    }

    /** What the seat row says of its mail. */
    record MailRow(String state, Instant nextAt, int attempts, Instant mailedAt, String error) {
    }

    @AfterEach
    void senderAndRouteBack() {
        smtp.restore();
        mailer.start();
    }

    /** Six experts with addresses, a plan of five and one reserve, the draw made by staff over the API. */
    Draw drawn() throws Exception {
        String region = ExpertFixtures.freshRegion();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<Drawn> experts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String email = "mail-" + tag + "-" + i + "@example.cn";
            experts.add(new Drawn(ExpertFixtures.admitted(members(), library, region, "B0204", null, "SENIOR", 12,
                    email), email));
        }
        OpenedLot opened = openedLot(ExpertFixtures.plan("B0204", region, 5, 1, List.of()), 3);
        expect(with(opened.staff(), post("/api/projects/{p}/lots/{l}/expert-draw", opened.project(), opened.lot())), 200);
        List<UUID> order = jdbc().sql("select expert_id from expert_seat where lot_id = ? order by state <> 'INVITED', rank")
                .param(opened.lot()).query(UUID.class).list();
        List<Drawn> seated = order.stream().map(id -> experts.stream().filter(d -> d.expert().id().equals(id))
                .findFirst().orElseThrow()).toList();
        assertThat(seated).hasSize(6);
        return new Draw(opened, seated.subList(0, 5), seated.get(5));
    }

    List<MimeMessage> mails(Drawn d) {
        return ExpertMailbox.to(expertSmtpServer, d.email());
    }

    /** Each expert got exactly one mail (waiting a while for it only as a safety net: the drain has sent it). */
    void mailedOnce(List<Drawn> experts) {
        for (Drawn d : experts) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !mails(d).isEmpty());
            assertThat(mails(d)).as("mails to %s", d.email()).hasSize(1);
        }
    }

    MailRow row(UUID lot, Drawn d) {
        return jdbc().sql("""
                select state, mail_next_at, mail_attempts, mailed_at, mail_error from expert_seat
                 where lot_id = ? and expert_id = ?""").params(lot, d.expert().id())
                .query((rs, n) -> new MailRow(rs.getString("state"), instant(rs.getTimestamp("mail_next_at")),
                        rs.getInt("mail_attempts"), instant(rs.getTimestamp("mailed_at")), rs.getString("mail_error")))
                .single();
    }

    static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    UUID seatOf(UUID lot, Drawn d) {
        return jdbc().sql("select id from expert_seat where lot_id = ? and expert_id = ?").params(lot, d.expert().id())
                .query(UUID.class).single();
    }

    @Test
    void aDrawsInvitationsArriveOnceEachWithTheLinksOfTheirSeat() throws Exception {
        Draw draw = drawn();
        mailer.drain();
        mailedOnce(draw.invited());
        assertThat(mails(draw.reserve())).as("a reserve is not invited").isEmpty();
        for (Drawn d : draw.invited()) {
            UUID seat = seatOf(draw.opened().lot(), d);
            Instant due = jdbc().sql("select answer_due from expert_seat where id = ?").param(seat)
                    .query(java.sql.Timestamp.class).single().toInstant();
            String body = mails(d).get(0).getContent().toString();
            assertThat(body).contains(answerLinks.link(AnswerLinks.Answer.ACCEPT, new SeatId(seat),
                    new MemberId(d.expert().id()), due)).contains(answerLinks.link(AnswerLinks.Answer.DECLINE,
                    new SeatId(seat), new MemberId(d.expert().id()), due));
            MailRow row = row(draw.opened().lot(), d);
            assertThat(row.mailedAt()).isNotNull();
            assertThat(row.nextAt()).as("nothing owed once sent").isNull();
            assertThat(row.attempts()).isEqualTo(1);
        }
        mailer.drain(); // nothing is owed: nothing is sent again
        mailedOnce(draw.invited());
    }

    @Test
    void mailsOwedByACommittedDrawAreSentByTheSweepWhenTheSenderNeverRanAfterIt() throws Exception {
        mailer.stop(); // the node dies right after the draw's commit: its sender never sends
        Draw draw = drawn();
        for (Drawn d : draw.invited()) {
            assertThat(mails(d)).as("the request itself mails nothing").isEmpty();
            MailRow row = row(draw.opened().lot(), d);
            assertThat(row.nextAt()).as("the committed seat owes its mail").isNotNull();
            assertThat(row.mailedAt()).isNull();
        }
        assertThat(row(draw.opened().lot(), draw.reserve()).nextAt()).isNull();
        assertThat(mailer.owed()).isGreaterThanOrEqualTo(5);

        assertThat(mailer.drain()).isGreaterThanOrEqualTo(5); // the sweep of the next start, on any node
        mailedOnce(draw.invited());
        assertThat(mails(draw.reserve())).isEmpty();
        for (Drawn d : draw.invited()) {
            assertThat(row(draw.opened().lot(), d).mailedAt()).isNotNull();
        }
    }

    @Test
    void aMailServerDownLosesNothingTheMailsGoOnceItIsBack() throws Exception {
        mailer.stop();
        smtp.cut();
        Draw draw = drawn();
        mailer.drain();
        for (Drawn d : draw.invited()) {
            MailRow row = row(draw.opened().lot(), d);
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(row.error()).isNotBlank();
            assertThat(row.nextAt()).as("owed again later").isAfter(clock().instant());
            assertThat(row.mailedAt()).isNull();
            assertThat(row.state()).isEqualTo("INVITED");
        }
        smtp.restore();
        clock().advance(Duration.ofMinutes(-5)); // well before the retry (one minute on), however slow this machine is
        mailer.drain();
        for (Drawn d : draw.invited()) {
            assertThat(row(draw.opened().lot(), d).attempts()).as("not tried again before its backoff").isEqualTo(1);
            assertThat(mails(d)).isEmpty();
        }

        clock().advance(Duration.ofMinutes(7)); // past the first backoff, well inside the 30-minute window
        mailer.drain();
        mailedOnce(draw.invited());
        for (Drawn d : draw.invited()) {
            MailRow row = row(draw.opened().lot(), d);
            assertThat(row.attempts()).isEqualTo(2);
            assertThat(row.mailedAt()).isNotNull();
            assertThat(row.error()).isNull();
        }
    }

    @Test
    void aMailThatKeepsFailingIsGivenUpWithItsErrorAndTheSeatStaysInvited() throws Exception {
        mailer.stop();
        smtp.cut();
        Draw draw = drawn();
        Drawn first = draw.invited().get(0);
        for (int attempt = 1; attempt <= 5; attempt++) {
            mailer.drain();
            MailRow row = row(draw.opened().lot(), first);
            assertThat(row.attempts()).isEqualTo(attempt);
            if (attempt < 5) {
                assertThat(row.nextAt()).isNotNull();
                clock().advance(Duration.between(clock().instant(), row.nextAt()).plusSeconds(1));
            }
        }
        MailRow given = row(draw.opened().lot(), first);
        assertThat(given.nextAt()).as("no longer owed").isNull();
        assertThat(given.error()).startsWith("given up after 5 attempts");
        assertThat(given.state()).isEqualTo("INVITED");
        smtp.restore();
        mailer.drain();
        for (Drawn d : draw.invited()) {
            assertThat(mails(d)).isEmpty();
        }
    }

    @Test
    void aSeatAnsweredBeforeItsMailGetsNoneAndAPromotedReserveGetsItsOwn() throws Exception {
        mailer.stop();
        Draw draw = drawn();
        if (logins == null) {
            logins = new ExpertLogins(mvc());
        }
        Drawn accepts = draw.invited().get(0);
        Drawn declines = draw.invited().get(1);
        UUID lot = draw.opened().lot();
        expect(with(logins.token(accepts.expert()), post("/api/experts/me/invitations/{s}/accept",
                seatOf(lot, accepts))), 200);
        expect(with(logins.token(declines.expert()), post("/api/experts/me/invitations/{s}/decline",
                seatOf(lot, declines)).contentType(MediaType.APPLICATION_JSON)
                .content(Api.json(Map.of("reason", "临时出差")))), 200);
        assertThat(row(lot, draw.reserve()).state()).isEqualTo("INVITED");
        assertThat(row(lot, draw.reserve()).nextAt()).as("the promotion owes the reserve's mail").isNotNull();

        mailer.drain();
        List<Drawn> stillInvited = new ArrayList<>(draw.invited().subList(2, 5));
        stillInvited.add(draw.reserve());
        mailedOnce(stillInvited);
        for (Drawn answered : List.of(accepts, declines)) {
            assertThat(mails(answered)).isEmpty();
            MailRow row = row(lot, answered);
            assertThat(row.nextAt()).isNull();
            assertThat(row.mailedAt()).isNull();
            assertThat(row.error()).startsWith("not sent");
        }
    }

    @Test
    void noMailGoesOutOnceTheAnswerWindowHasClosed() throws Exception {
        mailer.stop();
        Draw draw = drawn();
        clock().advance(Duration.ofMinutes(31)); // the window is 30 minutes
        mailer.drain();
        for (Drawn d : draw.invited()) {
            assertThat(mails(d)).isEmpty();
            MailRow row = row(draw.opened().lot(), d);
            assertThat(row.nextAt()).as("no longer owed").isNull();
            assertThat(row.mailedAt()).isNull();
            assertThat(row.attempts()).isZero();
        }
    }
}
