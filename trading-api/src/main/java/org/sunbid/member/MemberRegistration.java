package org.sunbid.member;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.PasswordPolicy;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberForms.CompanyRegistration;
import org.sunbid.member.MemberForms.ExpertRegistration;
import org.sunbid.member.MemberForms.QualificationInput;
import org.sunbid.member.MemberViews.Registered;
import org.sunbid.member.internal.MemberHistory;
import org.sunbid.member.internal.Members;
import org.sunbid.member.internal.ProfileForms;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.MemberId;

/**
 * Registration (会员注册): a company or an expert becomes a PENDING member with its login account, in one transaction;
 * banned parties are refused. Staff then review it ({@link MemberReview}).
 */
@Service
@Transactional
public class MemberRegistration {

    private final Members members;
    private final MemberQualifications qualifications;
    private final MemberHistory history;
    private final AccountManagement accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** The credit feature's gate: banned parties are refused at registration. */
    private final BanGate bans;

    MemberRegistration(Members members, MemberQualifications qualifications, MemberHistory history,
            AccountManagement accounts, ApplicationEventPublisher events, Clock clock, BanGate bans) {
        this.members = members;
        this.qualifications = qualifications;
        this.history = history;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.bans = bans;
    }

    /**
     * A company registers: a PENDING member and its login account, in one transaction. {@code uploads} holds the
     * qualification scans keyed by field name ({@code qualifications[0].scan}).
     */
    public Registered registerCompany(CompanyRegistration form, Map<String, Upload> uploads) {
        if (form == null) {
            throw ProblemException.invalid("registration", "member.field.required", "registration");
        }
        Role role = ProfileForms.companyRole(form.role());
        AccountManagement.checkUsername(form.username());
        PasswordPolicy.check("password", form.password());
        CompanyProfile profile = ProfileForms.readCompany(form.profile());
        List<QualificationInput> inputs = form.qualifications() == null ? List.of() : form.qualifications();
        List<MemberQualifications.CheckedQualification> checked = qualifications.checkQualifications(inputs,
                uploads == null ? Map.of() : uploads);
        members.refuseTakenUscc(profile.uscc(), null);
        bans.refuseIfCodeBanned(profile.uscc().value(), clock.instant(), "uscc");
        if (accounts.usernameTaken(form.username())) {
            throw ProblemException.conflict("duplicate-username", "username", "identity.username.taken",
                    form.username());
        }
        Instant now = clock.instant();
        Member member = Member.registerCompany(MemberId.of(UUID.randomUUID()), role, profile, now);
        insert(member);
        UUID account = accounts.createMemberAccount(form.username(), form.password(), role, member.id(),
                profile.name()).value();
        history.append(member.id().value(), now, account, "REGISTERED", null,
                Map.of("role", role.name(), "name", profile.name(), "uscc", profile.uscc().value()));
        events.publishEvent(new MemberEvents.MemberRegistered(member.id().value(), role, profile.name(), account, now));
        for (MemberQualifications.CheckedQualification q : checked) {
            qualifications.storeQualification(member.id().value(), q, account, now);
        }
        return new Registered(member.id().value(), member.status(), account);
    }

    /** An expert registers: a PENDING member and its login account, in one transaction. */
    public Registered registerExpert(ExpertRegistration form) {
        if (form == null) {
            throw ProblemException.invalid("registration", "member.field.required", "registration");
        }
        AccountManagement.checkUsername(form.username());
        PasswordPolicy.check("password", form.password());
        ExpertProfile profile = ProfileForms.readExpert(form.profile());
        members.refuseTakenIdNumber(profile.idNumber(), null);
        if (accounts.usernameTaken(form.username())) {
            throw ProblemException.conflict("duplicate-username", "username", "identity.username.taken",
                    form.username());
        }
        Instant now = clock.instant();
        Member member = Member.registerExpert(MemberId.of(UUID.randomUUID()), profile, now);
        insert(member);
        UUID account = accounts.createMemberAccount(form.username(), form.password(), Role.EXPERT, member.id(),
                profile.name()).value();
        history.append(member.id().value(), now, account, "REGISTERED", null, Map.of("role", "EXPERT", "name",
                profile.name(), "eligibleForPool", profile.eligibleForPool()));
        events.publishEvent(new MemberEvents.MemberRegistered(member.id().value(), Role.EXPERT, profile.name(), account, now));
        return new Registered(member.id().value(), member.status(), account);
    }

    private void insert(Member member) {
        try {
            members.insert(member);
        } catch (DuplicateKeyException e) {
            if (member.expert().isPresent()) {
                throw ProblemException.conflict("duplicate-expert", "idNumber", "member.expert.duplicate");
            }
            throw ProblemException.conflict("duplicate-uscc", "uscc", "member.uscc.taken",
                    member.company().orElseThrow().uscc().value());
        }
    }
}
