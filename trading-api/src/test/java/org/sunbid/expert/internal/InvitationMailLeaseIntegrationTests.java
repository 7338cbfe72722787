package org.sunbid.expert.internal;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.bid.OpenedLotScenario;
import org.sunbid.expert.ExpertFixtures;
import org.sunbid.expert.ExpertLibrary;
import org.sunbid.expert.ExpertMailbox;

/**
 * Two nodes: a mail another node has claimed is not sent by this one while that node's lease holds, and a node that
 * died after claiming (before sending) loses nothing: the mail is sent by this node once the lease has ended.
 */
class InvitationMailLeaseIntegrationTests extends OpenedLotScenario {

    @Autowired
    ExpertLibrary library;

    @Autowired
    GreenMail expertSmtpServer;

    @Autowired
    InvitationMailer mailer;

    @Autowired
    InvitationMailRows rows;

    @AfterEach
    void senderBack() {
        mailer.start();
    }

    @Test
    void aMailClaimedByANodeThatDiedIsLeftAloneUntilItsLeaseEndsThenSentOnce() throws Exception {
        mailer.stop(); // this node sends only when the test drains
        String region = ExpertFixtures.freshRegion();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            addresses.add("lease-" + tag + "-" + i + "@example.cn");
            ExpertFixtures.admitted(members(), library, region, "B0205", null, "SENIOR", 12, addresses.get(i));
        }
        OpenedLot opened = openedLot(Map.of("groups", List.of(Map.of("specialty", "B0205", "region", region,
                "experts", 5, "reserves", 0)), "representatives", List.of()), 3);
        expect(with(opened.staff(), post("/api/projects/{p}/lots/{l}/expert-draw", opened.project(), opened.lot())), 200);
        List<UUID> seats = jdbc().sql("select id from expert_seat where lot_id = ? and state = 'INVITED'")
                .param(opened.lot()).query(UUID.class).list();
        assertThat(seats).hasSize(5);

        // the other node claims every owed mail, then dies before sending any
        Instant now = clock().instant();
        assertThat(rows.claim(now, now.plus(Duration.ofMinutes(5)), 1000)).extracting(InvitationMailRows.Owed::seat)
                .containsAll(seats);
        assertThat(rows.claim(clock().instant(), clock().instant().plus(Duration.ofMinutes(5)), 1000))
                .as("a claimed mail is not claimed twice").extracting(InvitationMailRows.Owed::seat)
                .doesNotContainAnyElementsOf(seats);
        mailer.drain();
        for (String address : addresses) {
            assertThat(ExpertMailbox.to(expertSmtpServer, address)).as("leased to the other node").isEmpty();
        }

        clock().advance(Duration.ofMinutes(6)); // the lease has ended: the mails are owed again
        mailer.drain();
        for (String address : addresses) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !ExpertMailbox.to(expertSmtpServer, address).isEmpty());
            assertThat(ExpertMailbox.to(expertSmtpServer, address)).hasSize(1);
        }
        assertThat(jdbc().sql("select count(*) from expert_seat where lot_id = ? and mailed_at is not null and mail_attempts = 2")
                .param(opened.lot()).query(Integer.class).single()).isEqualTo(5);
    }
}
