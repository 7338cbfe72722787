package org.sunbid.expert;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.expert.internal.EligibleCounts;
import org.sunbid.expert.internal.LibraryStore;
import org.sunbid.expert.internal.LotFacts;
import org.sunbid.expert.internal.PlanStore;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ProjectStatus;

/**
 * The committee plan is part of the tender: its owner (tenderee or agent) or the centre sets it while the project is
 * not yet published; publication freezes it, so nobody can reshape the committee once bidders are known.
 */
@Service
@Transactional
public class CommitteePlans {

    private final PlanStore plans;
    private final LibraryStore library;
    private final LotFacts facts;
    private final EligibleCounts eligible;
    private final org.springframework.context.MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommitteePlans(PlanStore plans, LibraryStore library, LotFacts facts, EligibleCounts eligible,
            org.springframework.context.MessageSource messages, ApplicationEventPublisher events, Clock clock) {
        this.messages = messages;
        this.plans = plans;
        this.library = library;
        this.facts = facts;
        this.eligible = eligible;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The plan as asked for, before the rules check it. {@code representativeMembers[i]}, when given, is the member
     * account of representative i — a person the member registry lists as employed by the tenderee.
     */
    public record PlanInput(List<CommitteePlan.Group> groups, List<String> representatives, String supervisingUscc,
            List<UUID> representativeMembers) {

        /** Representatives named only. */
        public PlanInput(List<CommitteePlan.Group> groups, List<String> representatives, String supervisingUscc) {
            this(groups, representatives, supervisingUscc, null);
        }

        List<MemberId> accounts() {
            return representativeMembers == null ? null
                    : representativeMembers.stream().map(m -> m == null ? null : new MemberId(m)).toList();
        }
    }

    /** One group of a plan with how many experts of the library could be drawn for it today (before avoidance). */
    public record GroupView(String specialty, String specialtyName, String region, int experts, int reserves,
            int eligibleNow, String preferredRegion, int preferredNow) {
    }

    /** {@code representativeMembers[i]}: representative i's member account, or null for a person named only. */
    public record PlanView(UUID lotId, UUID projectId, List<GroupView> groups, List<String> representatives,
            String supervisingUscc, int drawnExperts, int members, boolean frozen, List<UUID> representativeMembers) {
    }

    public PlanView set(CurrentUser user, ProjectId project, LotId lot, PlanInput input) {
        UUID projectId = project.value();
        LotFacts.Lot l = facts.lot(projectId, lot);
        requireOwnerOrCentre(user, l);
        if (l.status() == ProjectStatus.PUBLISHED || l.status() == ProjectStatus.TERMINATED) {
            throw ProblemException.conflict("committee-plan-frozen", "lotId", "expert.plan.frozen");
        }
        CommitteePlan plan = CommitteePlan.of(lot, projectId, groups(input), input.representatives(),
                input.supervisingUscc(), input.accounts());
        requireOfTenderee(plan, l);
        if (plan.supervisingUscc() != null && !plan.supervisingUscc().matches("[0-9A-HJ-NPQRTUWXY]{18}")) {
            throw ProblemException.invalid("supervisingUscc", "expert.plan.supervising-uscc");
        }
        Instant now = clock.instant();
        plans.save(plan, now);
        events.publishEvent(new ExpertEvents.CommitteePlanned(lot, projectId, plan.drawnExperts(),
                plan.representatives().size(), now));
        return view(plan, false);
    }

    /**
     * A plan being written, checked without saving: today's eligible counts per group (counts only, never who) and,
     * when a composition rule refuses it, that rule in words. A malformed group is refused as {@link #set} would.
     */
    @Transactional(readOnly = true)
    public Preview preview(CurrentUser user, ProjectId project, LotId lot, PlanInput input) {
        UUID projectId = project.value();
        requireOwnerOrCentre(user, facts.lot(projectId, lot));
        List<CommitteePlan.Group> groups = groups(input);
        Refusal refusal = null;
        try {
            CommitteePlan.of(lot, projectId, groups, input.representatives(), input.supervisingUscc(),
                    input.accounts());
        } catch (ProblemException e) {
            if (e.status() != org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT) {
                throw e;
            }
            refusal = new Refusal(e.type(), e.field(), messages.getMessage(e.messageKey(), e.args(),
                    org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        }
        EligibleCounts.Counts counts = eligible.count(groups.stream().map(CommitteePlan.Group::drawGroup).toList());
        List<PreviewGroup> out = new java.util.ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            CommitteePlan.Group g = groups.get(i);
            out.add(new PreviewGroup(g.specialty(), g.experts(), g.reserves(), counts.eligible()[i],
                    counts.preferred()[i], counts.eligible()[i] >= g.experts() + g.reserves()));
        }
        int drawn = groups.stream().mapToInt(CommitteePlan.Group::experts).sum();
        int reps = input.representatives() == null ? 0 : input.representatives().size();
        return new Preview(out, drawn, drawn + reps, refusal);
    }

    /** One group of a previewed plan: {@code enough} when today's eligible cover its experts and reserves. */
    public record PreviewGroup(String specialty, int experts, int reserves, int eligibleNow, int preferredNow,
            boolean enough) {
    }

    /** The composition rule that refuses a plan, in words. */
    public record Refusal(String rule, String field, String detail) {
    }

    public record Preview(List<PreviewGroup> groups, int drawnExperts, int members, Refusal refusal) {
    }

    /** The plan's groups, each well-formed (a known specialty, experts, reserves and regions in range), stripped. */
    private List<CommitteePlan.Group> groups(PlanInput input) {
        if (input == null) {
            throw ProblemException.invalid("groups", "expert.plan.groups-required");
        }
        List<CommitteePlan.Group> groups = input.groups() == null ? List.of() : input.groups();
        Map<String, LibraryStore.Specialty> known = library.specialties();
        for (int i = 0; i < groups.size(); i++) {
            CommitteePlan.Group g = groups.get(i);
            if (g == null || g.specialty() == null || !known.containsKey(g.specialty().strip())) {
                throw ProblemException.invalid("groups[" + i + "].specialty", "expert.specialty.unknown",
                        g == null ? null : g.specialty());
            }
        }
        List<CommitteePlan.Group> stripped = groups.stream().map(g -> new CommitteePlan.Group(g.specialty().strip(),
                blankToNull(g.region()), g.experts(), g.reserves(), blankToNull(g.preferredRegion()))).toList();
        CommitteePlan.checkGroups(stripped);
        return stripped;
    }

    @Transactional(readOnly = true)
    public PlanView find(CurrentUser user, ProjectId project, LotId lot) {
        LotFacts.Lot l = facts.lot(project.value(), lot);
        requireOwnerOrCentre(user, l);
        CommitteePlan plan = plans.find(lot).filter(p -> p.project().equals(project.value()))
                .orElseThrow(() -> ProblemException.notFound("committee plan", lot));
        return view(plan, l.status() == ProjectStatus.PUBLISHED || l.status() == ProjectStatus.TERMINATED);
    }

    private PlanView view(CommitteePlan plan, boolean frozen) {
        Map<String, LibraryStore.Specialty> known = library.specialties();
        EligibleCounts.Counts counts = eligible.count(plan.drawGroups());
        List<GroupView> views = new java.util.ArrayList<>();
        for (int i = 0; i < plan.groups().size(); i++) {
            CommitteePlan.Group g = plan.groups().get(i);
            LibraryStore.Specialty s = known.get(g.specialty());
            views.add(new GroupView(g.specialty(), s == null ? g.specialty() : s.nameZh(), g.region(), g.experts(),
                    g.reserves(), counts.eligible()[i], g.preferredRegion(), counts.preferred()[i]));
        }
        return new PlanView(plan.lot().value(), plan.project(), views, plan.representatives(), plan.supervisingUscc(),
                plan.drawnExperts(), plan.size(), frozen, plan.representativeMembers().stream()
                        .map(m -> m == null ? null : m.value()).toList());
    }

    /** A representative's account must be a person of the tenderee's organisation (member registry: employee). */
    private void requireOfTenderee(CommitteePlan plan, LotFacts.Lot lot) {
        Set<UUID> employees = null;
        for (int i = 0; i < plan.representativeMembers().size(); i++) {
            MemberId account = plan.representativeMembers().get(i);
            if (account == null) {
                continue;
            }
            employees = employees == null ? facts.tendereeEmployees(lot) : employees;
            if (!employees.contains(account.value())) {
                throw ProblemException.rule("representative-not-of-tenderee", "representativeMembers[" + i + "]",
                        "expert.plan.representative-not-of-tenderee");
            }
        }
    }

    private static String blankToNull(String code) {
        return code == null || code.isBlank() ? null : code.strip();
    }

    static void requireOwnerOrCentre(CurrentUser user, LotFacts.Lot lot) {
        boolean centre = user.is(Role.STAFF) || user.is(Role.ADMIN) || user.is(Role.REGULATOR);
        boolean owner = (user.is(Role.TENDEREE) || user.is(Role.AGENT)) && lot.ownedBy(user.memberId().orElse(null));
        if (!centre && !owner) {
            throw ProblemException.notFound("lot", lot.lot());
        }
    }
}
