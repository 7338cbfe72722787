package org.sunbid.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.sunbid.expert.internal.ExpertNotifications;
import org.sunbid.expert.internal.MailExpertNotifications;

/**
 * The e-mail adapter delivers an invitation through a real SMTP server (GreenMail, in this JVM), and says when it could
 * not (the invitation mailer then tries again).
 */
class MailExpertNotificationsTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    MailExpertNotifications adapter() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        return new MailExpertNotifications(sender, "noreply@sunbid.test");
    }

    @Test
    void anInvitationArrivesAtTheExpertsAddressWithTheDeadlineInBeijingTime() throws Exception {
        assertThat(adapter().invited(new ExpertNotifications.Invitation(UUID.randomUUID(), "王专家", "wang@example.cn",
                "紫金港路提升改造工程", "第1标段 主线道路", Instant.parse("2026-12-03T08:30:00Z"),
                "http://localhost:8080/expert-invitations.html", "http://localhost:8080/expert/answer.html?t=AAAA",
                "http://localhost:8080/expert/answer.html?t=BBBB"))).isEqualTo(ExpertNotifications.Delivery.SENT);
        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("wang@example.cn");
        assertThat(message.getSubject()).contains("评标专家抽取通知").contains("紫金港路提升改造工程");
        String body = GreenMailUtil.getBody(message);
        assertThat(message.getContent().toString()).contains("王专家").contains("2026-12-03 16:30")
                .contains("http://localhost:8080/expert-invitations.html")
                .contains("确认参加：http://localhost:8080/expert/answer.html?t=AAAA")
                .contains("不能参加（须说明理由）：http://localhost:8080/expert/answer.html?t=BBBB");
        assertThat(body).isNotBlank();
    }

    @Test
    void anExpertWithoutAnAddressGetsNoMailAndNothingFails() {
        assertThat(adapter().invited(new ExpertNotifications.Invitation(UUID.randomUUID(), "李专家", null, "某项目",
                "第1标段", Instant.now(), "http://localhost:8080/expert-invitations.html", "a", "d")))
                .isEqualTo(ExpertNotifications.Delivery.NO_ADDRESS);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void anUnreachableMailServerIsAFailureTheMailerCanTryAgain() {
        JavaMailSenderImpl nowhere = new JavaMailSenderImpl();
        nowhere.setHost("127.0.0.1");
        nowhere.setPort(1);
        MailExpertNotifications adapter = new MailExpertNotifications(nowhere, "noreply@sunbid.test");
        assertThatThrownBy(() -> adapter.invited(new ExpertNotifications.Invitation(UUID.randomUUID(), "赵专家",
                "zhao@example.cn", "某项目", "第1标段", Instant.now(), "p", "a", "d")))
                .isInstanceOf(MailException.class);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }
}
