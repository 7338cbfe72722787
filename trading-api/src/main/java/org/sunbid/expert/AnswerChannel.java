package org.sunbid.expert;

/** How a drawn expert answered its invitation: logged in to the portal, or through a signed link of the invitation mail. */
public enum AnswerChannel {
    PORTAL, SIGNED_LINK
}
