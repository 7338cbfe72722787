package org.sunbid.mail.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.sunbid.identity.AccountId;
import org.sunbid.schedule.Notifications;

/**
 * Sends each notification by e-mail ({@code spring.mail.*}) to every address of its recipients, in Chinese with the
 * English beside it. A recipient without an address is logged and skipped; a failed delivery is logged and does not
 * undo the step that caused it (the step is already recorded and shown on the platform).
 */
@Component
@ConditionalOnProperty(name = "sunbid.notifications", havingValue = "mail")
public class MailNotifications implements Notifications {

    private static final Logger log = LoggerFactory.getLogger(MailNotifications.class);

    private final JavaMailSender mail;
    private final MessageSource messages;
    private final RecipientAddresses addresses;
    private final String from;

    public MailNotifications(JavaMailSender mail, MessageSource messages, RecipientAddresses addresses,
            @Value("${sunbid.mail-from:noreply@sunbid.local}") String from) {
        this.mail = mail;
        this.messages = messages;
        this.addresses = addresses;
        this.from = from;
    }

    @Override
    public void notify(List<AccountId> recipients, String messageKey, Object... args) {
        Set<String> to = new LinkedHashSet<>();
        for (AccountId r : recipients) {
            List<String> found = addresses.of(r.value());
            if (found.isEmpty()) {
                log.info("account {} has no e-mail address: {} not mailed", r, messageKey);
            }
            to.addAll(found);
        }
        if (to.isEmpty()) {
            return;
        }
        String zh = messages.getMessage(messageKey, args, messageKey, Locale.SIMPLIFIED_CHINESE);
        String en = messages.getMessage(messageKey, args, messageKey, Locale.ENGLISH);
        String subject = "阳光招采 Sunbid 通知: " + (zh.length() > 60 ? zh.substring(0, 60) + "…" : zh);
        // one message per address: the parties do not learn each other's addresses
        for (String address : to) {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(address);
            message.setSubject(subject);
            message.setText(zh + "\n\n" + en + "\n");
            try {
                mail.send(message);
            } catch (MailException e) {
                log.warn("notification {} not delivered to {}: {}", messageKey, address, e.getMessage());
            }
        }
    }
}
