package org.sunbid.expert;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.expert.internal.LibraryStore;
import org.sunbid.expert.internal.LotFacts;
import org.sunbid.expert.internal.PlanStore;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberId;
import org.sunbid.platform.ProblemException;
import org.sunbid.project.LotId;
import org.sunbid.project.ProjectId;
import org.sunbid.project.ProjectStatus;
import org.sunbid.signing.draw.DrawAlgorithm;

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
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommitteePlans(PlanStore plans, LibraryStore library, LotFacts facts, ApplicationEventPublisher events, Clock clock) {
        this.plans = plans;
        this.library = library;
        this.facts = facts;
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
    }

    /** One group of a plan with how many experts of the library could be drawn for it today (before avoidance). */
    public record GroupView(String specialty, String specialtyName, String region, int experts, int reserves,
            int eligibleNow, String preferredRegion, int preferredNow) {
    }

    /** {@code representativeMembers[i]}: representative i's member account, or null for a person named only. */
    public record PlanView(UUID lotId, UUID projectId, List<GroupView> groups, List<String> representatives,
            String supervisingUscc, int drawnExperts, int members, boolean frozen, List<UUID> representativeMembers) {
    }

    /** The same for callers holding raw ids. */
    public PlanView set(CurrentUser user, UUID projectId, UUID lotId, PlanInput input) {
        return set(user, new ProjectId(projectId), new LotId(lotId), input);
    }

    public PlanView set(CurrentUser user, ProjectId project, LotId lot, PlanInput input) {
        UUID projectId = project.value();
        LotFacts.Lot l = facts.lot(projectId, lot);
        requireOwnerOrCentre(user, l);
        if (l.status() == ProjectStatus.PUBLISHED || l.status() == ProjectStatus.TERMINATED) {
            throw ProblemException.conflict("committee-plan-frozen", "lotId", "expert.plan.frozen");
        }
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
        List<MemberId> accounts = input.representativeMembers() == null ? null
                : input.representativeMembers().stream().map(m -> m == null ? null : new MemberId(m)).toList();
        CommitteePlan plan = CommitteePlan.of(lot, projectId, stripped, input.representatives(), input.supervisingUscc(),
                accounts);
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

    /** The same for callers holding raw ids. */
    @Transactional(readOnly = true)
    public PlanView find(CurrentUser user, UUID projectId, UUID lotId) {
        return find(user, new ProjectId(projectId), new LotId(lotId));
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
        List<DrawAlgorithm.Group> groups = plan.drawGroups();
        Set<String> prefixes = new LinkedHashSet<>();
        groups.forEach(g -> prefixes.add(g.specialty()));
        List<LibraryStore.PoolRow> rows = library.poolAt(clock.instant(), prefixes);
        Set<String> unqualified = new java.util.HashSet<>();
        rows.stream().filter(r -> !r.qualified()).forEach(r -> unqualified.add(r.member().toString()));
        List<DrawAlgorithm.Candidate> candidates = rows.stream()
                .map(r -> new DrawAlgorithm.Candidate(r.member().toString(), r.specialties(), r.region())).toList();
        int[] counts = DrawAlgorithm.eligibleCounts(groups, candidates, unqualified);
        // the same count within each group's preferred region (a group without one counts all its eligible)
        int[] preferredCounts = DrawAlgorithm.eligibleCounts(groups.stream().map(g -> new DrawAlgorithm.Group(
                g.specialty(), g.preferredRegion() == null ? g.region() : g.preferredRegion(), g.experts(),
                g.reserves())).toList(), candidates, unqualified);
        List<GroupView> views = new java.util.ArrayList<>();
        for (int i = 0; i < plan.groups().size(); i++) {
            CommitteePlan.Group g = plan.groups().get(i);
            LibraryStore.Specialty s = known.get(g.specialty());
            views.add(new GroupView(g.specialty(), s == null ? g.specialty() : s.nameZh(), g.region(), g.experts(),
                    g.reserves(), counts[i], g.preferredRegion(), preferredCounts[i]));
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
