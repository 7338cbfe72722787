package org.sunbid.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;

/** Tenderee representatives as seats of their own, and the composition rules that bound them (plain Java). */
class CommitteePlanTests {

    static final LotId LOT = new LotId(UUID.fromString("11111111-2222-3333-4444-555555555555"));
    static final UUID PROJECT = UUID.randomUUID();

    static List<CommitteePlan.Group> experts(int n) {
        return List.of(new CommitteePlan.Group("B0201", null, n, 1));
    }

    @Test
    void everyRepresentativeSitsInASeatOfItsOwnWhetherNamedOnlyOrWithAnAccount() {
        MemberId account = new MemberId(UUID.randomUUID());
        CommitteePlan plan = CommitteePlan.of(LOT, PROJECT, experts(5), List.of("代表甲", "代表乙"), null,
                Arrays.asList(null, account));
        List<CommitteePlan.RepresentativeSeat> seats = plan.representativeSeats();
        assertThat(seats).extracting(CommitteePlan.RepresentativeSeat::name).containsExactly("代表甲", "代表乙");
        assertThat(seats.get(1).seat()).isEqualTo(account);
        assertThat(seats.get(1).ownAccount()).isTrue();
        assertThat(seats.get(0).ownAccount()).isFalse();
        assertThat(seats.get(0).seat()).isNotEqualTo(account);
        // the same plan read back seats the same people in the same seats
        assertThat(new CommitteePlan(LOT, PROJECT, plan.groups(), plan.representatives(), null,
                plan.representativeMembers()).representativeSeats()).isEqualTo(seats);

        CommitteePlan named = CommitteePlan.of(LOT, PROJECT, experts(5), List.of("代表甲", "代表乙"), null);
        assertThat(named.representativeSeats()).extracting(CommitteePlan.RepresentativeSeat::seat)
                .doesNotHaveDuplicates().hasSize(2);
        CommitteePlan otherLot = CommitteePlan.of(new LotId(UUID.randomUUID()), PROJECT, experts(5),
                List.of("代表甲", "代表乙"), null);
        assertThat(otherLot.representativeSeats().get(0).seat()).isNotEqualTo(named.representativeSeats().get(0).seat());
    }

    @Test
    void refusesTooManyRepresentativesAnEvenCommitteeAndAccountsThatDoNotFit() {
        refused(() -> CommitteePlan.of(LOT, PROJECT, experts(3), List.of("甲", "乙"), null),
                "committee-experts-two-thirds", "representatives");
        refused(() -> CommitteePlan.of(LOT, PROJECT, experts(4), List.of("甲", "乙", "丙"), null),
                "committee-experts-two-thirds", "representatives");
        refused(() -> CommitteePlan.of(LOT, PROJECT, experts(5), List.of("甲"), null), "committee-odd-members", "groups");
        MemberId account = new MemberId(UUID.randomUUID());
        refused(() -> CommitteePlan.of(LOT, PROJECT, experts(5), List.of("甲", "乙"), null, List.of(account, account)),
                "validation", "representativeMembers[1]");
        refused(() -> CommitteePlan.of(LOT, PROJECT, experts(4), List.of("甲"), null,
                List.of(account, new MemberId(UUID.randomUUID()))), "validation", "representativeMembers");
        assertThat(CommitteePlan.of(LOT, PROJECT, experts(4), List.of("甲"), null, List.of(account)).size()).isEqualTo(5);
    }

    static void refused(Runnable plan, String type, String field) {
        assertThatThrownBy(plan::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.type()).endsWith(type);
            assertThat(e.field()).isEqualTo(field);
        });
    }
}
