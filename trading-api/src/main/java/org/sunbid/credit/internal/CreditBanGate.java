package org.sunbid.credit.internal;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.sunbid.credit.BanScope;
import org.sunbid.credit.CreditCheck;
import org.sunbid.member.BanGate;
import org.sunbid.platform.id.MemberId;

/** The member registry's gate, answered by credit: a ban of scope ALL keeps a party out of the registry. */
@Component
class CreditBanGate implements BanGate {

    private final CreditCheck credit;

    CreditBanGate(CreditCheck credit) {
        this.credit = credit;
    }

    @Override
    public void refuseIfBanned(MemberId member, Instant at, String field) {
        credit.refuseIfBanned(member, BanScope.ALL, at, field);
    }

    @Override
    public void refuseIfCodeBanned(String partyCode, Instant at, String field) {
        credit.refuseIfCodeBanned(partyCode, BanScope.ALL, at, field);
    }
}
