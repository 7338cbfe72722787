package org.sunbid.credit.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.sunbid.credit.BanScope;
import org.sunbid.credit.CreditCheck;
import org.sunbid.credit.Standing;
import org.sunbid.identity.LoginNotices;
import org.sunbid.platform.id.MemberId;

/** Login gate: a banned or warned member may log in, and is told so in the login response. */
@Component
class CreditLoginNotices implements LoginNotices {

    private final CreditCheck credit;
    private final MessageSource messages;

    CreditLoginNotices(CreditCheck credit, MessageSource messages) {
        this.credit = credit;
        this.messages = messages;
    }

    @Override
    public List<String> noticesFor(MemberId member, Instant at) {
        Standing standing = credit.standing(member, BanScope.ALL, at);
        var locale = LocaleContextHolder.getLocale();
        if (standing instanceof Standing.Banned banned) {
            return List.of(messages.getMessage("credit.login.banned",
                    new Object[] { banned.ban().endsOn(), banned.ban().authority() }, locale));
        }
        if (standing instanceof Standing.Warned warned) {
            return List.of(messages.getMessage("credit.login.warned", new Object[] {
                    warned.publishedBadRecords().size(), warned.otherBans().size() }, locale));
        }
        return List.of();
    }
}
