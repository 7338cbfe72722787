package org.sunbid.member;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.identity.AccountId;
import org.sunbid.member.MemberForms.CompanyProfileInput;
import org.sunbid.member.MemberForms.ExpertProfileInput;
import org.sunbid.member.internal.MemberHistory;
import org.sunbid.member.internal.Members;
import org.sunbid.member.internal.ProfileForms;
import org.sunbid.member.internal.Transitions;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.MemberId;

/** Self-service profile (会员信息变更): a member changes its own profile; the changed fields are recorded. */
@Service
@Transactional
public class MemberProfiles {

    private final Members members;
    private final MemberHistory history;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MemberProfiles(Members members, MemberHistory history, ApplicationEventPublisher events, Clock clock) {
        this.members = members;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    /** The company changes its profile; a change that matters to review sends an approved member back to review. */
    public MemberViews.MemberDetails changeCompanyProfile(MemberId member, CompanyProfileInput input, AccountId actorId) {
        UUID actor = actorId.value();
        UUID memberId = member.value();
        if (input == null) {
            throw ProblemException.invalid("profile", "member.field.required", "profile");
        }
        Member m = members.requireForUpdate(memberId);
        CompanyProfile before = m.company().orElseThrow(
                () -> ProblemException.invalid("profile", "member.profile.expert-not-company"));
        CompanyProfile after = ProfileForms.readCompany(input);
        members.refuseTakenUscc(after.uscc(), memberId);
        Instant now = clock.instant();
        boolean[] back = new boolean[1];
        Transitions.act(() -> back[0] = m.changeProfile(after, now));
        List<String> fields = ProfileForms.changedFields(before, after);
        return changed(m, fields, back[0], actor, now);
    }

    /** The expert changes its profile; a change that matters to review sends an approved member back to review. */
    public MemberViews.MemberDetails changeExpertProfile(MemberId member, ExpertProfileInput input, AccountId actorId) {
        UUID actor = actorId.value();
        UUID memberId = member.value();
        if (input == null) {
            throw ProblemException.invalid("profile", "member.field.required", "profile");
        }
        Member m = members.requireForUpdate(memberId);
        ExpertProfile before = m.expert().orElseThrow(
                () -> ProblemException.invalid("profile", "member.profile.company-not-expert"));
        ExpertProfile after = ProfileForms.readExpert(input);
        members.refuseTakenIdNumber(after.idNumber(), memberId);
        Instant now = clock.instant();
        boolean[] back = new boolean[1];
        Transitions.act(() -> back[0] = m.changeProfile(after, now));
        List<String> fields = ProfileForms.changedFields(before, after);
        return changed(m, fields, back[0], actor, now);
    }

    /** Stores the changed member, writes the history line and publishes the change. */
    private MemberViews.MemberDetails changed(Member m, List<String> fields, boolean backToReview, UUID actor,
            Instant now) {
        members.update(m);
        history.append(m.id().value(), now, actor, "PROFILE_CHANGED", null,
                Map.of("fields", fields, "backToReview", backToReview, "status", m.status().name()));
        events.publishEvent(new MemberEvents.ProfileChanged(m.id().value(), fields, backToReview, actor, now));
        return MemberViews.MemberDetails.of(m);
    }
}
