package org.sunbid.expert.internal;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.sunbid.signing.draw.DrawAlgorithm;

/**
 * How many experts of the library could be drawn today for each group of a plan, before the lot's avoidance rules:
 * counts only, never who. Used by the plan's view and by the live count of the plan form.
 */
@Component
public class EligibleCounts {

    private final LibraryStore library;
    private final Clock clock;

    EligibleCounts(LibraryStore library, Clock clock) {
        this.library = library;
        this.clock = clock;
    }

    /** Per group: eligible today, and eligible within its preferred region (all eligible when it has none). */
    public record Counts(int[] eligible, int[] preferred) {
    }

    public Counts count(List<DrawAlgorithm.Group> groups) {
        Set<String> prefixes = new LinkedHashSet<>();
        groups.forEach(g -> prefixes.add(g.specialty()));
        List<LibraryStore.PoolRow> rows = library.poolAt(clock.instant(), prefixes);
        Set<String> unqualified = new HashSet<>();
        rows.stream().filter(r -> !r.qualified()).forEach(r -> unqualified.add(r.member().toString()));
        List<DrawAlgorithm.Candidate> candidates = rows.stream()
                .map(r -> new DrawAlgorithm.Candidate(r.member().toString(), r.specialties(), r.region())).toList();
        int[] counts = DrawAlgorithm.eligibleCounts(groups, candidates, unqualified);
        int[] preferred = DrawAlgorithm.eligibleCounts(groups.stream().map(g -> new DrawAlgorithm.Group(
                g.specialty(), g.preferredRegion() == null ? g.region() : g.preferredRegion(), g.experts(),
                g.reserves())).toList(), candidates, unqualified);
        return new Counts(counts, preferred);
    }
}
