package org.sunbid.expert.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.credit.CreditManagement;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberManagement;
import org.sunbid.member.MemberViews;
import org.sunbid.opening.OpenedBids;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ProjectManagement;
import org.sunbid.project.ProjectStatus;
import org.sunbid.project.ProjectView;

/** What the draw needs to know from other features, read through their public services as the platform itself. */
@Component
public class LotFacts {

    /** The platform acting on its own behalf (scheduled draws); never a login. */
    public static final CurrentUser PLATFORM = new CurrentUser(new UUID(0, 0), "platform", Role.STAFF, Optional.empty());

    private final ProjectManagement projects;
    private final OpenedBids bids;
    private final MemberManagement members;
    private final CreditManagement credit;

    LotFacts(ProjectManagement projects, OpenedBids bids, MemberManagement members, CreditManagement credit) {
        this.projects = projects;
        this.bids = bids;
        this.members = members;
        this.credit = credit;
    }

    public record Lot(LotId lot, UUID project, String transactionCode, String projectName, String lotName,
            ProjectStatus status, Instant bidDeadline, Instant openingAt, UUID tenderee, UUID agency) {

        public boolean ownedBy(UUID member) {
            return member != null && (member.equals(tenderee) || member.equals(agency));
        }
    }

    public ProjectView project(UUID project) {
        return projects.find(PLATFORM, ProjectId.of(project));
    }

    /** The lot of the project, or a 404 naming the lot. */
    public Lot lot(UUID project, LotId lot) {
        ProjectView p;
        try {
            p = projects.find(PLATFORM, ProjectId.of(project));
        } catch (ProblemException e) {
            throw ProblemException.notFound("lot", lot);
        }
        ProjectView.LotView l = p.lots().stream().filter(x -> x.id().equals(lot.value())).findFirst()
                .orElseThrow(() -> ProblemException.notFound("lot", lot));
        return new Lot(lot, p.id(), p.transactionCode(), p.name(), "第" + l.number() + "标段 " + l.name(), p.status(),
                p.bidDeadline(), p.openingAt(), p.tendereeMemberId(), p.agencyMemberId());
    }

    public Optional<List<OpenedBids.BidAtOpening>> openedBids(LotId lot) {
        return bids.bidsOfOpenedLot(lot);
    }

    /**
     * Tenderee, agency and bidders by code, the companies tied to them, and the experts the registry says they employ:
     * every party resolved in one pass over the member registry (two queries whatever the number of bidders).
     */
    public Avoidance.Parties parties(Lot lot, List<OpenedBids.BidAtOpening> opened, String supervisingUscc) {
        Set<String> tenderee = new HashSet<>();
        Set<String> agency = new HashSet<>();
        Set<String> bidders = new HashSet<>();
        Set<String> related = new HashSet<>();
        Map<UUID, Avoidance.Rule> employees = new HashMap<>();
        List<UUID> bidderIds = opened.stream().map(OpenedBids.BidAtOpening::member).distinct().toList();
        Set<UUID> all = new java.util.LinkedHashSet<>(bidderIds);
        if (lot.tenderee() != null) {
            all.add(lot.tenderee());
        }
        if (lot.agency() != null) {
            all.add(lot.agency());
        }
        Map<UUID, MemberViews.Ties> ties = new HashMap<>();
        members.tiesOf(all.stream().map(org.sunbid.platform.id.MemberId::of).toList()).forEach((m, t) -> ties.put(m.value(), t));
        collect(ties.get(lot.tenderee()), tenderee, related, employees, Avoidance.Rule.TENDEREE_EMPLOYEE);
        collect(ties.get(lot.agency()), agency, related, employees, Avoidance.Rule.AGENCY_EMPLOYEE);
        bidderIds.forEach(m -> collect(ties.get(m), bidders, related, employees, Avoidance.Rule.BIDDER_EMPLOYEE));
        return new Avoidance.Parties(tenderee, agency, bidders, related, employees, supervisingUscc);
    }

    private static void collect(MemberViews.Ties ties, Set<String> codes, Set<String> related,
            Map<UUID, Avoidance.Rule> employees, Avoidance.Rule rule) {
        if (ties == null) {
            return; // a party without a registry entry (an unregistered tenderee) has no code to avoid
        }
        if (ties.uscc() != null) {
            codes.add(ties.uscc());
        }
        for (MemberViews.RelatedMember r : ties.related()) {
            if (r.relation() == MemberViews.Relation.EMPLOYEE) {
                employees.putIfAbsent(r.id(), rule);
            } else if (r.uscc() != null) {
                related.add(r.uscc());
            }
        }
    }

    /** Members the registry lists as employed by the lot's tenderee (people of its organisation). */
    public Set<UUID> tendereeEmployees(Lot lot) {
        if (lot.tenderee() == null) {
            return Set.of();
        }
        MemberViews.Ties ties = members.tiesOf(Set.of(org.sunbid.platform.id.MemberId.of(lot.tenderee()))).get(org.sunbid.platform.id.MemberId.of(lot.tenderee()));
        Set<UUID> ids = new HashSet<>();
        if (ties != null) {
            ties.related().stream().filter(r -> r.relation() == MemberViews.Relation.EMPLOYEE)
                    .forEach(r -> ids.add(r.id()));
        }
        return ids;
    }

    /** Members under a ban in force today (any scope: an expert is never drawn while banned). */
    public Set<UUID> banned() {
        Set<UUID> ids = new HashSet<>();
        credit.currentBans().forEach(b -> {
            if (b.memberId() != null) {
                ids.add(b.memberId());
            }
        });
        return ids;
    }

    /** Members with a bad record on the public list today. */
    public Set<UUID> badRecords() {
        Set<UUID> ids = new HashSet<>();
        credit.publishedBadRecords().forEach(r -> ids.add(r.memberId()));
        return ids;
    }

    public Optional<MemberViews.MemberDetails> member(UUID member) {
        return members.find(MemberId.of(member));
    }
}
