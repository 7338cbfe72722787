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

    /** Each excluded expert with every rule that applies (not-qualified included), in the pool's canonical order. */
    public static Map<UUID, List<Rule>> exclusions(List<LibraryStore.PoolRow> pool, Parties parties, Facts facts) {
        PoolSnapshot snapshot = PoolSnapshot.of(java.time.Instant.EPOCH, pool);
        Map<UUID, List<Rule>> out = new LinkedHashMap<>();
        exclusions(snapshot, parties, facts, true)
                .forEach((position, rules) -> out.put(snapshot.row(position).member(), rules));
        return out;
    }

    /**
     * The exclusions a draw record lists, over a frozen pool, by position in canonical order, without walking it: the
     * experts any rule could touch are found by index (employer codes of the parties, the member ids the facts name),
     * and only they are tested. When the pool file marks qualification itself ({@code sunbid-expert-pool/2}) the
     * unqualified are not listed at all — the file excludes them; an older pool lists them with {@code not-qualified}.
     */
    public static Map<Integer, List<Rule>> exclusions(PoolSnapshot pool, Parties parties, Facts facts) {
        return exclusions(pool, parties, facts, !pool.carriesQualification());
    }

    private static Map<Integer, List<Rule>> exclusions(PoolSnapshot pool, Parties parties, Facts facts,
            boolean listUnqualified) {
        BitSet unqualified = pool.unqualified();
        BitSet touched = listUnqualified ? (BitSet) unqualified.clone() : new BitSet(pool.size());
        List<Set<String>> codes = List.of(parties.tendereeUsccs(), parties.agencyUsccs(), parties.bidderUsccs(),
                parties.relatedUsccs(), java.util.Collections.singleton(parties.supervisingUscc()));
        for (Set<String> set : codes) {
            for (String uscc : set) {
                for (int position : pool.employedBy(uscc)) {
                    touched.set(position);
                }
            }
        }
        Map<Integer, Rule> registry = new java.util.HashMap<>();
        parties.registryEmployees().forEach((member, rule) -> {
            int position = pool.position(member);
            if (position >= 0) {
                registry.put(position, rule);
                touched.set(position);
            }
        });
        BitSet conflicts = positions(pool, facts.conflicts().keySet(), touched);
        BitSet banned = positions(pool, facts.banned(), touched);
        BitSet badRecords = positions(pool, facts.badRecords(), touched);
        BitSet onLeave = positions(pool, facts.onLeave(), touched);
        BitSet alreadyDrawn = positions(pool, facts.alreadyDrawn(), touched);
        BitSet overCap = new BitSet();
        facts.recentDraws().forEach((member, count) -> {
            int position = pool.position(member);
            if (position >= 0 && count >= facts.frequencyCap()) {
                overCap.set(position);
                touched.set(position);
            }
        });
        Map<Integer, List<Rule>> out = new LinkedHashMap<>();
        if (!listUnqualified) {
            touched.andNot(unqualified);
        }
        for (int i = touched.nextSetBit(0); i >= 0; i = touched.nextSetBit(i + 1)) {
            String employer = pool.employer(i);
            Rule fromRegistry = registry.get(i);
            List<Rule> rules = new ArrayList<>(2);
            add(rules, Rule.NOT_QUALIFIED, unqualified.get(i));
            add(rules, Rule.TENDEREE_EMPLOYEE, in(parties.tendereeUsccs(), employer) || fromRegistry == Rule.TENDEREE_EMPLOYEE);
            add(rules, Rule.AGENCY_EMPLOYEE, in(parties.agencyUsccs(), employer) || fromRegistry == Rule.AGENCY_EMPLOYEE);
            add(rules, Rule.BIDDER_EMPLOYEE, in(parties.bidderUsccs(), employer) || fromRegistry == Rule.BIDDER_EMPLOYEE);
            add(rules, Rule.RELATED_TO_PARTY, in(parties.relatedUsccs(), employer));
            add(rules, Rule.DECLARED_CONFLICT, conflicts.get(i));
            add(rules, Rule.SUPERVISING_DEPARTMENT, employer != null && employer.equals(parties.supervisingUscc()));
            add(rules, Rule.CREDIT_BANNED, banned.get(i));
            add(rules, Rule.CREDIT_BAD_RECORD, badRecords.get(i));
            add(rules, Rule.ON_LEAVE, onLeave.get(i));
            add(rules, Rule.FREQUENCY_CAP, overCap.get(i));
            add(rules, Rule.ALREADY_DRAWN, alreadyDrawn.get(i));
            if (!rules.isEmpty()) {
                out.put(i, rules);
            }
        }
        return out;
    }

    private static BitSet positions(PoolSnapshot pool, java.util.Collection<UUID> members, BitSet touched) {
        BitSet out = new BitSet();
        for (UUID member : members) {
            int position = pool.position(member);
            if (position >= 0) {
                out.set(position);
                touched.set(position);
            }
        }
        return out;
    }

    private static boolean in(Set<String> codes, String employer) {
        return employer != null && codes.contains(employer);
    }

    private static void add(List<Rule> rules, Rule rule, boolean applies) {
        if (applies) {
            rules.add(rule);
        }
    }
}
