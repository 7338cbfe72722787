package org.sunbid.expert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.expert.internal.Avoidance;
import org.sunbid.expert.internal.Avoidance.Rule;
import org.sunbid.expert.internal.LibraryStore;
import org.sunbid.expert.internal.PoolSnapshot;

/** The avoidance policy alone: each rule, all rules at once, and an expert nothing excludes. */
class AvoidanceTests {

    static final String TENDEREE = "91110108MA00000001";
    static final String AGENCY = "91110108MA00000002";
    static final String BIDDER = "91110108MA00000003";
    static final String SISTER = "91110108MA00000004";
    static final String DEPARTMENT = "11110108000000000X";

    static LibraryStore.PoolRow expert(UUID id, String employer, boolean qualified) {
        return new LibraryStore.PoolRow(id, List.of("B0201"), "330106", employer, qualified);
    }

    static Avoidance.Parties parties(Map<UUID, Rule> registry) {
        return new Avoidance.Parties(Set.of(TENDEREE), Set.of(AGENCY), Set.of(BIDDER), Set.of(SISTER), registry,
                DEPARTMENT);
    }

    static Avoidance.Facts facts(UUID who, Rule rule) {
        return new Avoidance.Facts(rule == Rule.DECLARED_CONFLICT ? Map.of(who, Set.of(BIDDER)) : Map.of(),
                rule == Rule.CREDIT_BANNED ? Set.of(who) : Set.of(), rule == Rule.CREDIT_BAD_RECORD ? Set.of(who) : Set.of(),
                rule == Rule.ON_LEAVE ? Set.of(who) : Set.of(), rule == Rule.FREQUENCY_CAP ? Map.of(who, 3) : Map.of(who, 2),
                3, rule == Rule.ALREADY_DRAWN ? Set.of(who) : Set.of());
    }

    @Test
    void eachRuleAloneExcludesItsExpertAndNamesOnlyItself() {
        Map<Rule, String> employers = Map.of(Rule.TENDEREE_EMPLOYEE, TENDEREE, Rule.AGENCY_EMPLOYEE, AGENCY,
                Rule.BIDDER_EMPLOYEE, BIDDER, Rule.RELATED_TO_PARTY, SISTER, Rule.SUPERVISING_DEPARTMENT, DEPARTMENT);
        for (Rule rule : Rule.values()) {
            UUID who = UUID.randomUUID();
            LibraryStore.PoolRow row = expert(who, employers.getOrDefault(rule, "91330106MA00000009"),
                    rule != Rule.NOT_QUALIFIED);
            var out = Avoidance.exclusions(List.of(row), parties(Map.of()), facts(who, rule));
            assertThat(out.get(who)).as(rule.code()).containsExactly(rule);
        }
    }

    @Test
    void theRegistrysEmploymentRelationCountsEvenWithoutTheEmployerCodeAndEveryRuleIsListed() {
        UUID who = UUID.randomUUID();
        var out = Avoidance.exclusions(List.of(expert(who, DEPARTMENT, false)),
                parties(Map.of(who, Rule.AGENCY_EMPLOYEE)),
                new Avoidance.Facts(Map.of(who, Set.of(BIDDER)), Set.of(who), Set.of(who), Set.of(who), Map.of(who, 7), 3,
                        Set.of(who)));
        assertThat(out.get(who)).containsExactly(Rule.NOT_QUALIFIED, Rule.AGENCY_EMPLOYEE, Rule.DECLARED_CONFLICT,
                Rule.SUPERVISING_DEPARTMENT, Rule.CREDIT_BANNED, Rule.CREDIT_BAD_RECORD, Rule.ON_LEAVE, Rule.FREQUENCY_CAP,
                Rule.ALREADY_DRAWN);
    }

    @Test
    void anExpertNoRuleTouchesIsNotExcluded() {
        UUID who = UUID.randomUUID();
        assertThat(Avoidance.exclusions(List.of(expert(who, null, true)), parties(Map.of()), facts(who, null))).isEmpty();
    }

    @Test
    void overAPoolFileThatMarksQualificationTheUnqualifiedAreNotListedWhateverElseApplies() {
        UUID unqualifiedBidderEmployee = UUID.randomUUID();
        UUID qualifiedBidderEmployee = UUID.randomUUID();
        UUID unqualified = UUID.randomUUID();
        PoolSnapshot pool = PoolSnapshot.of(java.time.Instant.EPOCH, List.of(expert(unqualifiedBidderEmployee, BIDDER, false),
                expert(qualifiedBidderEmployee, BIDDER, true), expert(unqualified, null, false)));
        assertThat(pool.pool().carriesQualification()).isTrue();
        var out = Avoidance.exclusions(pool, parties(Map.of()), facts(unqualified, Rule.CREDIT_BANNED));
        assertThat(out).hasSize(1);
        assertThat(out.get(pool.position(qualifiedBidderEmployee))).containsExactly(Rule.BIDDER_EMPLOYEE);
        // the draw never picks them: the pool file's mark keeps them out of every group
        assertThat(pool.pool().unqualified().cardinality()).isEqualTo(2);
    }
}
