package org.sunbid.expert.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sunbid.signing.draw.DrawAlgorithm;
import org.sunbid.signing.draw.DrawPool;

/**
 * A lot's pool frozen as at the bid deadline: the published pool file ({@link DrawPool}, which carries each expert's
 * qualification since {@code sunbid-expert-pool/2}) and, line for line, what the avoidance needs but the file does not
 * publish (employer code), indexed by employer. Immutable: one snapshot serves every draw of the lot and may be cached.
 */
public final class PoolSnapshot {

    private final DrawPool pool;
    private final String[] employers;
    private final BitSet unqualified;
    private final Map<String, int[]> byEmployer;

    private PoolSnapshot(DrawPool pool, String[] employers, BitSet unqualified) {
        this.pool = pool;
        this.employers = employers;
        this.unqualified = unqualified;
        Map<String, List<Integer>> index = new HashMap<>();
        for (int i = 0; i < employers.length; i++) {
            if (employers[i] != null) {
                index.computeIfAbsent(employers[i], k -> new ArrayList<>(2)).add(i);
            }
        }
        this.byEmployer = new HashMap<>(index.size() * 2);
        index.forEach((k, v) -> byEmployer.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** The pool of these rows (any order) as at {@code asOf}. */
    public static PoolSnapshot of(Instant asOf, List<LibraryStore.PoolRow> rows) {
        List<LibraryStore.PoolRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(r -> r.member().toString()));
        List<DrawAlgorithm.Candidate> candidates = new ArrayList<>(sorted.size());
        String[] employers = new String[sorted.size()];
        BitSet unqualified = new BitSet(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            LibraryStore.PoolRow r = sorted.get(i);
            candidates.add(new DrawAlgorithm.Candidate(r.member().toString(), r.specialties(), r.region(), r.qualified()));
            employers[i] = r.employerUscc();
            if (!r.qualified()) {
                unqualified.set(i);
            }
        }
        return new PoolSnapshot(DrawPool.withQualification(asOf, candidates), employers, unqualified);
    }

    /**
     * Reads back what {@link #facts()} and the pool file hold (a {@code sunbid-expert-pool/1} file of a lot frozen
     * before qualification was published stays as it is: its draws keep listing the unqualified in their records).
     */
    static PoolSnapshot read(byte[] poolFile, byte[] facts) {
        DrawPool pool = DrawPool.parse(poolFile);
        String[] lines = new String(facts, StandardCharsets.UTF_8).split("\n", -1);
        if (lines.length != pool.size() + 1) {
            throw new IllegalStateException("pool facts do not match the pool file");
        }
        String[] employers = new String[pool.size()];
        BitSet unqualified = new BitSet(pool.size());
        for (int i = 0; i < pool.size(); i++) {
            int tab = lines[i].indexOf('\t');
            employers[i] = tab == 0 ? null : lines[i].substring(0, tab).intern();
            if (lines[i].charAt(tab + 1) == '0') {
                unqualified.set(i);
            }
        }
        if (pool.carriesQualification() && !pool.unqualified().equals(unqualified)) {
            throw new IllegalStateException("pool facts and pool file disagree on qualification");
        }
        return new PoolSnapshot(pool, employers, unqualified);
    }

    /** The private facts, one line per pool line: employer code (may be empty) TAB 1 (qualified) or 0. */
    byte[] facts() {
        StringBuilder out = new StringBuilder(employers.length * 21);
        for (int i = 0; i < employers.length; i++) {
            out.append(employers[i] == null ? "" : employers[i]).append('\t').append(unqualified.get(i) ? '0' : '1')
                    .append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public DrawPool pool() {
        return pool;
    }

    public int size() {
        return pool.size();
    }

    /** Position of an expert in canonical order, or −1. */
    public int position(UUID member) {
        return pool.position(member.toString());
    }

    /** Positions of the experts employed by the company with this code. */
    int[] employedBy(String uscc) {
        return uscc == null ? new int[0] : byEmployer.getOrDefault(uscc, new int[0]);
    }

    /** The employer code at a position (null when none is known). */
    String employer(int position) {
        return employers[position];
    }

    BitSet unqualified() {
        return (BitSet) unqualified.clone();
    }

    /** Whether the published pool file itself marks the unqualified (then no record lists them). */
    boolean carriesQualification() {
        return pool.carriesQualification();
    }

    /** The entry at a position, as the avoidance rules read it. */
    LibraryStore.PoolRow row(int position) {
        DrawAlgorithm.Candidate c = pool.candidates().get(position);
        return new LibraryStore.PoolRow(UUID.fromString(c.expert()), c.specialties(), c.region(), employers[position],
                !unqualified.get(position));
    }
}
