package org.sunbid.schedule;

import java.util.List;
import java.util.UUID;

/**
 * The edge of the world for telling people about schedule changes (SMS, mail, in-app). The only implementation so
 * far writes to the log ({@code LogNotificationAdapter}).
 */
public interface Notifications {

    /** Tells the recipients; {@code messageKey} and {@code args} name a message in the schedule bundle. */
    void notify(List<UUID> recipients, String messageKey, Object... args);
}
