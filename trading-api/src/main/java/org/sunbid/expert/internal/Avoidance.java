package org.sunbid.expert.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The avoidance rules (回避, 招标投标法实施条例 第四十六条; 评标专家和评标专家库管理暂行办法 第十二条): which experts of the pool
 * are kept out of a lot's draw, and every rule that keeps each one out. Plain Java: the facts come in, the named
 * exclusions come out.
 */
public final class Avoidance {

    private Avoidance() {
    }

    /** The rules in the order a record lists them; {@link #code()} is what the draw record names. */
    public enum Rule {
        /** Fewer than eight years or no senior title (招标投标法 第三十七条). */
        NOT_QUALIFIED("not-qualified"),
        TENDEREE_EMPLOYEE("tenderee-employee"),
        AGENCY_EMPLOYEE("agency-employee"),
        BIDDER_EMPLOYEE("bidder-employee"),
        /** Employed by a company tied to a party by legal representative or control. */
        RELATED_TO_PARTY("related-to-party"),
        DECLARED_CONFLICT("declared-conflict"),
        SUPERVISING_DEPARTMENT("supervising-department"),
        CREDIT_BANNED("credit-banned"),
        CREDIT_BAD_RECORD("credit-bad-record"),
        ON_LEAVE("on-leave"),
        FREQUENCY_CAP("frequency-cap"),
        ALREADY_DRAWN("already-drawn");

        private final String code;

        Rule(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * Who takes part in the lot. {@code registryEmployees} are experts the member registry lists as employees of a
     * party (by the rule for that party); {@code relatedUsccs} are companies tied to a party.
     */
    public record Parties(Set<String> tendereeUsccs, Set<String> agencyUsccs, Set<String> bidderUsccs,
            Set<String> relatedUsccs, Map<UUID, Rule> registryEmployees, String supervisingUscc) {
    }

    /** Facts about experts: declared conflicts with any party, credit, leave, recent draws, this project's draws. */
    public record Facts(Map<UUID, Set<String>> conflicts, Set<UUID> banned, Set<UUID> badRecords, Set<UUID> onLeave,
            Map<UUID, Integer> recentDraws, int frequencyCap, Set<UUID> alreadyDrawn) {
    }

    /** Each excluded expert with its rules, in the pool's canonical order. */
    public static Map<UUID, List<Rule>> exclusions(List<LibraryStore.PoolRow> pool, Parties parties, Facts facts) {
        return exclusions(PoolSnapshot.of(java.time.Instant.EPOCH, pool), parties, facts);
    }

    /**
     * The same over a frozen pool, without walking it: the experts any rule could touch are found by index (employer
     * codes of the parties, the unqualified set, the member ids the facts name), and only they are tested.
     */
    public static Map<UUID, List<Rule>> exclusions(PoolSnapshot pool, Parties parties, Facts facts) {
        BitSet touched = pool.unqualified();
        List<Set<String>> codes = List.of(parties.tendereeUsccs(), parties.agencyUsccs(), parties.bidderUsccs(),
                parties.relatedUsccs(), java.util.Collections.singleton(parties.supervisingUscc()));
        for (Set<String> set : codes) {
            for (String uscc : set) {
                for (int position : pool.employedBy(uscc)) {
                    touched.set(position);
                }
            }
        }
        List<java.util.Collection<UUID>> members = List.of(parties.registryEmployees().keySet(),
                facts.conflicts().keySet(), facts.banned(), facts.badRecords(), facts.onLeave(),
                facts.recentDraws().keySet(), facts.alreadyDrawn());
        for (java.util.Collection<UUID> set : members) {
            for (UUID member : set) {
                int position = pool.position(member);
                if (position >= 0) {
                    touched.set(position);
                }
            }
        }
        Map<UUID, List<Rule>> out = new LinkedHashMap<>();
        for (int i = touched.nextSetBit(0); i >= 0; i = touched.nextSetBit(i + 1)) {
            LibraryStore.PoolRow row = pool.row(i);
            List<Rule> rules = rules(row, parties, facts);
            if (!rules.isEmpty()) {
                out.put(row.member(), rules);
            }
        }
        return out;
    }

    static List<Rule> rules(LibraryStore.PoolRow e, Parties p, Facts f) {
        List<Rule> rules = new ArrayList<>();
        String employer = e.employerUscc();
        Rule registry = p.registryEmployees().get(e.member());
        if (!e.qualified()) {
            rules.add(Rule.NOT_QUALIFIED);
        }
        if (employer != null && p.tendereeUsccs().contains(employer) || registry == Rule.TENDEREE_EMPLOYEE) {
            rules.add(Rule.TENDEREE_EMPLOYEE);
        }
        if (employer != null && p.agencyUsccs().contains(employer) || registry == Rule.AGENCY_EMPLOYEE) {
            rules.add(Rule.AGENCY_EMPLOYEE);
        }
        if (employer != null && p.bidderUsccs().contains(employer) || registry == Rule.BIDDER_EMPLOYEE) {
            rules.add(Rule.BIDDER_EMPLOYEE);
        }
        if (employer != null && p.relatedUsccs().contains(employer)) {
            rules.add(Rule.RELATED_TO_PARTY);
        }
        if (f.conflicts().containsKey(e.member())) {
            rules.add(Rule.DECLARED_CONFLICT);
        }
        if (employer != null && employer.equals(p.supervisingUscc())) {
            rules.add(Rule.SUPERVISING_DEPARTMENT);
        }
        if (f.banned().contains(e.member())) {
            rules.add(Rule.CREDIT_BANNED);
        }
        if (f.badRecords().contains(e.member())) {
            rules.add(Rule.CREDIT_BAD_RECORD);
        }
        if (f.onLeave().contains(e.member())) {
            rules.add(Rule.ON_LEAVE);
        }
        if (f.recentDraws().getOrDefault(e.member(), 0) >= f.frequencyCap()) {
            rules.add(Rule.FREQUENCY_CAP);
        }
        if (f.alreadyDrawn().contains(e.member())) {
            rules.add(Rule.ALREADY_DRAWN);
        }
        return rules;
    }
}
