package org.sunbid.deposit;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberManagement;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ProjectManagement;
import org.sunbid.project.ProjectView;
import org.sunbid.schedule.WorkingCalendar;

/** What deposits read from other features, through their public services, as the platform itself. */
@Component
class DepositLookups {

    /** The platform acting on its own behalf; never a login. */
    static final CurrentUser PLATFORM = new CurrentUser(new UUID(0, 0), "platform", Role.STAFF, Optional.empty());

    private final ProjectManagement projects;
    private final MemberManagement members;
    private final WorkingCalendar calendar;

    DepositLookups(ProjectManagement projects, MemberManagement members, WorkingCalendar calendar) {
        this.projects = projects;
        this.members = members;
        this.calendar = calendar;
    }

    ProjectView project(UUID projectId) {
        return projects.find(PLATFORM, ProjectId.of(projectId));
    }

    /** A bidder's registered basic account (基本账户) and company name: where refunds go and deposits must come from. */
    record Payee(String name, String account) {
    }

    Payee payee(UUID member) {
        var details = members.find(MemberId.of(member)).orElseThrow(() -> ProblemException.notFound("member", member));
        if (details.company() == null || details.company().bankAccount() == null) {
            throw ProblemException.rule("no-basic-account", "memberId", "deposit.no-basic-account");
        }
        return new Payee(details.company().name(), details.company().bankAccount().accountNumber());
    }

    /** A member's unified social credit code (统一社会信用代码), or empty when it has no company profile. */
    java.util.Optional<String> uscc(UUID member) {
        return members.find(MemberId.of(member)).map(d -> d.company() == null ? null : d.company().uscc());
    }

    LocalDate addWorkingDays(LocalDate start, int days) {
        return calendar.addWorkingDays(start, days);
    }
}
