package org.sunbid.expert.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends each invitation by e-mail through Spring's mail support ({@code spring.mail.*}); an expert without an address
 * is skipped and logged. The mail names the project and lot, so only the expert concerned receives it. A mail the
 * server did not take throws {@link MailException}: {@link InvitationMailer} tries again later. The SMTP timeouts
 * ({@code spring.mail.properties}, application.yml) stay well under the mailer's lease
 * ({@code sunbid.expert.invitation-mail.lease}).
 */
@Component
@ConditionalOnProperty(name = "sunbid.expert.notifications", havingValue = "mail")
public class MailExpertNotifications implements ExpertNotifications {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MailExpertNotifications.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final JavaMailSender mail;
    private final String from;

    public MailExpertNotifications(JavaMailSender mail,
            @org.springframework.beans.factory.annotation.Value("${sunbid.expert.mail-from:noreply@sunbid.local}") String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public Delivery invited(Invitation invitation) {
        if (invitation.email() == null || invitation.email().isBlank()) {
            log.warn("expert {} has no e-mail address: invitation not mailed", invitation.expert());
            return Delivery.NO_ADDRESS;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(invitation.email());
        message.setSubject("评标专家抽取通知 Expert draw invitation: " + invitation.projectName());
        message.setText("""
                %s 专家：

                您已被随机抽取为以下项目的评标委员会成员：
                %s %s
                请于 %s（北京时间）前答复。打开以下链接并在页面上确认即可，无需登录：
                确认参加：%s
                不能参加（须说明理由）：%s
                也可登录平台答复：%s
                逾期未答复视为不参加。链接仅供您本人使用，请勿转发或向他人透露本通知内容。

                You were drawn for the evaluation committee of the lot above. Please answer before %s (Beijing time):
                open a link above and confirm on its page (no login needed) — the first accepts, the second declines
                (with a reason) — or answer in the portal. No answer counts as a decline. The links stand for you:
                do not forward them, and keep this notice confidential.
                """.formatted(invitation.name(), invitation.projectName(), invitation.lotName(),
                TIME.format(invitation.answerDue()), invitation.acceptLink(), invitation.declineLink(),
                invitation.link(), TIME.format(invitation.answerDue())));
        mail.send(message);
        return Delivery.SENT;
    }
}
