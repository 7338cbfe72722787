package org.sunbid.expert;

import java.util.List;
import java.util.UUID;

import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;

/**
 * The committee plan of a lot (评标委员会组建方案): experts to draw per specialty (optionally from a region), reserves,
 * and the tenderee's representatives by name. Built only through {@link #of}, which enforces the composition rules
 * of the Bidding Law (招标投标法 第三十七条): five or more members, an odd number, drawn experts at least two thirds.
 * Each tenderee representative has a seat of its own: the member account of a person of the tenderee's organisation
 * when the tenderee names one ({@code representativeMembers}, aligned with {@code representatives}; null for a person
 * named only), otherwise a seat derived from the lot and the representative's position ({@link #representativeSeats}).
 *
 * @param supervisingUscc the project's supervising department (行政监督部门), whose staff are never drawn
 */
public record CommitteePlan(LotId lot, UUID project, List<Group> groups, List<String> representatives,
        String supervisingUscc, List<MemberId> representativeMembers, List<Integer> vacatedRepresentatives) {

    /** Fewest members of a committee. */
    public static final int MINIMUM_MEMBERS = 5;
    /** Most reserves per group. */
    public static final int MAXIMUM_RESERVES = 10;

    public CommitteePlan {
        groups = List.copyOf(groups);
        representatives = List.copyOf(representatives);
        List<MemberId> aligned = new java.util.ArrayList<>(representatives.size());
        for (int i = 0; i < representatives.size(); i++) {
            aligned.add(representativeMembers == null || i >= representativeMembers.size() ? null
                    : representativeMembers.get(i));
        }
        representativeMembers = java.util.Collections.unmodifiableList(aligned);
        vacatedRepresentatives = vacatedRepresentatives == null ? List.of() : List.copyOf(vacatedRepresentatives);
    }

    /** A plan none of whose representatives has left a seat. */
    public CommitteePlan(LotId lot, UUID project, List<Group> groups, List<String> representatives,
            String supervisingUscc, List<MemberId> representativeMembers) {
        this(lot, project, groups, representatives, supervisingUscc, representativeMembers, null);
    }

    /** A plan whose representatives are named persons only. */
    public CommitteePlan(LotId lot, UUID project, List<Group> groups, List<String> representatives,
            String supervisingUscc) {
        this(lot, project, groups, representatives, supervisingUscc, null);
    }

    /**
     * A tenderee representative's seat on the committee: its own member id, never the tenderee's; {@code vacated} when
     * its holder declared a conflict and the tenderee has not named a substitute yet.
     */
    public record RepresentativeSeat(int position, String name, MemberId seat, boolean ownAccount, boolean vacated) {
    }

    /**
     * The representatives' seats in plan order: the named member account, or for a person named only an id of its own
     * derived from the lot and the position (name-based UUID), so that no two representatives share a seat.
     */
    public List<RepresentativeSeat> representativeSeats() {
        List<RepresentativeSeat> seats = new java.util.ArrayList<>(representatives.size());
        for (int i = 0; i < representatives.size(); i++) {
            MemberId account = representativeMembers.get(i);
            seats.add(new RepresentativeSeat(i, representatives.get(i), account != null ? account
                    : new MemberId(UUID.nameUUIDFromBytes(("sunbid-representative-seat:" + lot.value() + ":" + i)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8))), account != null,
                    vacatedRepresentatives.contains(i)));
        }
        return List.copyOf(seats);
    }

    /** The groups as the draw algorithm reads them, in plan order. */
    public List<org.sunbid.signing.draw.DrawAlgorithm.Group> drawGroups() {
        return groups.stream().map(Group::drawGroup).toList();
    }

    /**
     * One line of the plan: {@code experts} drawn from {@code specialty} (a code of the table or its first level),
     * only from {@code region} when it is given (a division-code prefix), and from {@code preferredRegion} first when
     * that is given (the others fill only the places it cannot; see docs/expert-draw.md).
     */
    public record Group(String specialty, String region, int experts, int reserves, String preferredRegion) {

        /** A line without a region preference. */
        public Group(String specialty, String region, int experts, int reserves) {
            this(specialty, region, experts, reserves, null);
        }

        /** The line as the draw algorithm reads it. */
        public org.sunbid.signing.draw.DrawAlgorithm.Group drawGroup() {
            return new org.sunbid.signing.draw.DrawAlgorithm.Group(specialty, region, experts, reserves,
                    preferredRegion);
        }
    }

    /** Checks every composition rule in turn and refuses with the first broken one, naming the field. */
    public static CommitteePlan of(LotId lot, UUID project, List<Group> groups, List<String> representatives,
            String supervisingUscc) {
        return of(lot, project, groups, representatives, supervisingUscc, null);
    }

    /**
     * The same with representatives' member accounts ({@code representativeMembers[i]} for {@code representatives[i]},
     * null for a person named only): no more accounts than representatives, none twice.
     */
    public static CommitteePlan of(LotId lot, UUID project, List<Group> groups, List<String> representatives,
            String supervisingUscc, List<MemberId> representativeMembers) {
        if (groups == null || groups.isEmpty()) {
            throw ProblemException.rule("committee-experts-required", "groups", "expert.plan.groups-required");
        }
        List<String> reps = representatives == null ? List.of()
                : representatives.stream().map(s -> s == null ? "" : s.strip()).toList();
        for (int i = 0; i < reps.size(); i++) {
            if (reps.get(i).isEmpty() || reps.get(i).length() > 100) {
                throw ProblemException.invalid("representatives[" + i + "]", "expert.plan.representative-name");
            }
        }
        List<MemberId> accounts = representativeMembers == null ? List.of() : representativeMembers;
        if (accounts.size() > reps.size()) {
            throw ProblemException.invalid("representativeMembers", "expert.plan.representative-members");
        }
        java.util.Set<MemberId> seen = new java.util.HashSet<>();
        for (int i = 0; i < accounts.size(); i++) {
            if (accounts.get(i) != null && !seen.add(accounts.get(i))) {
                throw ProblemException.invalid("representativeMembers[" + i + "]", "expert.plan.representative-twice");
            }
        }
        checkGroups(groups);
        int drawn = groups.stream().mapToInt(Group::experts).sum();
        int total = drawn + reps.size();
        if (total < MINIMUM_MEMBERS) {
            throw ProblemException.rule("committee-minimum-members", "groups", "expert.plan.minimum", total,
                    MINIMUM_MEMBERS);
        }
        if (total % 2 == 0) {
            throw ProblemException.rule("committee-odd-members", "groups", "expert.plan.odd", total);
        }
        if (3 * drawn < 2 * total) {
            throw ProblemException.rule("committee-experts-two-thirds", "representatives",
                    "expert.plan.two-thirds", drawn, total);
        }
        return new CommitteePlan(lot, project, groups, reps, blankToNull(supervisingUscc), accounts);
    }

    /** Refuses the first malformed group (experts, reserves, regions), naming its field. */
    public static void checkGroups(List<Group> groups) {
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            if (g == null || g.experts() < 1) {
                throw ProblemException.invalid("groups[" + i + "].experts", "expert.plan.group-experts");
            }
            if (g.reserves() < 0 || g.reserves() > MAXIMUM_RESERVES) {
                throw ProblemException.invalid("groups[" + i + "].reserves", "expert.plan.group-reserves",
                        MAXIMUM_RESERVES);
            }
            if (g.region() != null && !g.region().matches("[1-9][0-9]{1,5}")) {
                throw ProblemException.invalid("groups[" + i + "].region", "expert.plan.region");
            }
            if (g.preferredRegion() != null && !g.preferredRegion().matches("[1-9][0-9]{1,5}")) {
                throw ProblemException.invalid("groups[" + i + "].preferredRegion", "expert.plan.region");
            }
        }
    }

    public int drawnExperts() {
        return groups.stream().mapToInt(Group::experts).sum();
    }

    public int size() {
        return drawnExperts() + representatives.size();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
