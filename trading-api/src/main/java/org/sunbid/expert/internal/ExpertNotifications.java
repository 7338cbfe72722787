package org.sunbid.expert.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * The edge of the world for telling experts they were drawn. Adapters: the log (default) and e-mail
 * ({@code sunbid.expert.notifications=mail}, Spring's mail support); SMS and voice calls are later adapters.
 */
public interface ExpertNotifications {

    /**
     * Tells the expert it was drawn and by when to answer. {@code link} opens its invitations in the portal (after a
     * login); {@code acceptLink} and {@code declineLink} are signed links ({@link AnswerLinks}) that stand for the
     * expert: an adapter sends them only to the expert's own address and never writes them to a log. Called by
     * {@link InvitationMailer} only, off the request thread; a failed delivery throws (the mailer tries again later).
     */
    Delivery invited(Invitation invitation);

    /** What became of an invitation handed to an adapter that did not throw. */
    enum Delivery {
        /** Handed to the channel (the mail server accepted it, the log has it). */
        SENT,
        /** The expert has no address for this channel: nothing was sent and trying again changes nothing. */
        NO_ADDRESS
    }

    record Invitation(UUID expert, String name, String email, String projectName, String lotName, Instant answerDue,
            String link, String acceptLink, String declineLink) {
    }
}
