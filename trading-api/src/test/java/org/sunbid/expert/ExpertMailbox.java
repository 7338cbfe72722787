package org.sunbid.expert;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.sunbid.expert.internal.ExpertNotifications;
import org.sunbid.expert.internal.MailExpertNotifications;

/**
 * Every test context mails expert invitations through the e-mail adapter to a real SMTP server in the JVM (GreenMail,
 * on a free port), so that a test can open the links of the mail an expert received. Picked up by every test context
 * alike (no extra Spring context); the benchmark, which has no {@code test} profile, keeps the log adapter.
 */
@Configuration(proxyBeanMethods = false)
@Profile("test")
public class ExpertMailbox {

    @Bean(destroyMethod = "stop")
    GreenMail expertSmtpServer() {
        GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        return server;
    }

    /** The route to the mail server, which a test may cut (SMTP down) and restore. */
    @Bean
    SmtpRoute expertSmtpRoute(GreenMail expertSmtpServer) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(expertSmtpServer.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        return new SmtpRoute(sender, expertSmtpServer.getSmtp().getPort());
    }

    @Bean
    @Primary
    ExpertNotifications mailedInvitations(SmtpRoute expertSmtpRoute) {
        return new MailExpertNotifications(expertSmtpRoute.sender, "noreply@sunbid.test");
    }

    /**
     * The invitation mails' way to the server: {@link #cut()} points it at a port nobody listens on (every send fails
     * as with the server down), {@link #restore()} points it back. Each send connects anew, so the change holds at once.
     */
    public static final class SmtpRoute {

        private final JavaMailSenderImpl sender;
        private final int port;

        SmtpRoute(JavaMailSenderImpl sender, int port) {
            this.sender = sender;
            this.port = port;
        }

        public void cut() {
            sender.setPort(1);
        }

        public void restore() {
            sender.setPort(port);
        }
    }

    /** The messages the server received for {@code address}, oldest first. */
    public static List<MimeMessage> to(GreenMail server, String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
