package org.sunbid.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.sunbid.identity.AccountId;
import org.sunbid.mail.internal.MailNotifications;

/** The notification port's mail adapter: a complaint decision reaches each party's addresses over real SMTP. */
class MailNotificationsTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    static final UUID COMPLAINANT = UUID.randomUUID();
    static final UUID TENDEREE = UUID.randomUUID();
    static final UUID PLATFORM_STAFF = UUID.randomUUID();

    MailNotifications adapter(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/complaint");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        Map<UUID, List<String>> addresses = Map.of(COMPLAINANT, List.of("legal@bidder.example.cn"), TENDEREE,
                List.of("zhaobiao@owner.example.cn", "office@owner.example.cn"));
        return new MailNotifications(sender, messages, a -> addresses.getOrDefault(a, List.of()), "noreply@sunbid.test");
    }

    @Test
    void theDecisionIsMailedToEveryPartysAddressOneMessageEachInChineseAndEnglish() throws Exception {
        adapter(smtp.getSmtp().getPort()).notify(List.of(new AccountId(COMPLAINANT), new AccountId(TENDEREE), new AccountId(PLATFORM_STAFF)),
                "complaint.notice.decided", "SB-2026-0042 紫金港路提升改造工程", "投诉成立", "d3c1");

        assertThat(smtp.waitForIncomingEmail(5_000, 3)).isTrue();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(Arrays.stream(received).map(m -> {
            try {
                assertThat(m.getAllRecipients()).as("nobody sees another party's address").hasSize(1);
                assertThat(m.getSubject()).contains("投诉处理决定已作出");
                assertThat(m.getContent().toString()).contains("紫金港路提升改造工程", "投诉成立", "决定书 d3c1",
                        "Complaint decided");
                return m.getAllRecipients()[0].toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).containsExactlyInAnyOrder("legal@bidder.example.cn", "zhaobiao@owner.example.cn", "office@owner.example.cn");
    }

    @Test
    void anUnreachableMailServerOrNoAddressFailsNothing() {
        adapter(1).notify(List.of(new AccountId(COMPLAINANT)), "complaint.notice.decided", "x", "y", "z");
        adapter(smtp.getSmtp().getPort()).notify(List.of(new AccountId(PLATFORM_STAFF)), "complaint.notice.decided", "x", "y", "z");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }
}
