package org.sunbid.schedule;

import java.util.List;

import org.sunbid.identity.AccountId;

/**
 * The edge of the world for telling people about schedule changes, complaint decisions and reminders: written to the
 * log by default ({@code LogNotificationAdapter}), mailed to the members' contact addresses with
 * {@code sunbid.notifications=mail} ({@code mail.internal.MailNotifications}).
 */
public interface Notifications {

    /** Tells the recipients; {@code messageKey} and {@code args} name a message in the schedule bundle. */
    void notify(List<AccountId> recipients, String messageKey, Object... args);
}
