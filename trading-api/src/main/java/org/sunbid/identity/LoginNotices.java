package org.sunbid.identity;

import java.time.Instant;
import java.util.List;
import org.sunbid.platform.id.MemberId;

/**
 * SPI: features add notices shown to a member right after a successful login (the credit feature warns of bans and
 * published bad records). A notice never refuses a login; a failing provider is skipped.
 */
public interface LoginNotices {

    /** Localised notices for the member's users, in the current request's locale; empty when there is nothing. */
    List<String> noticesFor(MemberId member, Instant at);
}
