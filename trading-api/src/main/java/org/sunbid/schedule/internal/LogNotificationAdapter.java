package org.sunbid.schedule.internal;

import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.sunbid.identity.AccountId;
import org.sunbid.schedule.Notifications;

/** The edge of the world: writes each notification to the log (the default; {@code sunbid.notifications=mail} mails). */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "sunbid.notifications", havingValue = "log",
        matchIfMissing = true)
class LogNotificationAdapter implements Notifications {

    private static final Logger log = LoggerFactory.getLogger(LogNotificationAdapter.class);
    private final MessageSource messages;

    LogNotificationAdapter(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void notify(List<AccountId> recipients, String messageKey, Object... args) {
        String text = messages.getMessage(messageKey, args, messageKey, Locale.SIMPLIFIED_CHINESE);
        log.info("NOTIFY {} -> {}", recipients, text);
    }
}
