package org.sunbid.signing.draw;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pool of a draw as a file of its own ({@code pool.txt}): the library as it stood at the bid deadline, one expert a
 * line in canonical order. The draw record names it by SHA-256 of these bytes, so the signed record covers the pool
 * without carrying it. Byte for byte (UTF-8, LF after every line), type {@code sunbid-expert-pool/2}:
 *
 * <pre>
 * sunbid-expert-pool/2
 * asOf&lt;TAB&gt;2026-12-01T02:00:00Z
 * &lt;expert&gt;&lt;TAB&gt;&lt;region, may be empty&gt;&lt;TAB&gt;&lt;specialty&gt;[,&lt;specialty&gt;…]&lt;TAB&gt;&lt;1 qualified, 0 not&gt;
 * …
 * </pre>
 *
 * Type {@code sunbid-expert-pool/1} (pools frozen before qualification was published) has no fourth field; its
 * experts' qualification is in the record's exclusions. Expert ids strictly ascending by code point; no field holds a
 * tab, line feed or comma. {@link #parse} refuses any file that {@link #of} or {@link #withQualification} would not have
 * written. Also an index of the pool for the draw (positions, groups' members).
 */
public final class DrawPool {

    /** The current type: each line carries the expert's qualification. */
    public static final String TYPE = "sunbid-expert-pool/2";
    /** The first type, without qualification (read and verified, no longer written by the platform). */
    public static final String TYPE_V1 = "sunbid-expert-pool/1";
    /** Upper bound on a pool file (a million experts at ~60 bytes each). */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    private final String type;
    private final Instant asOf;
    private final List<DrawAlgorithm.Candidate> candidates;
    private final BitSet unqualified;
    private final byte[] bytes;
    private final String sha256;
    private final Map<String, Integer> positions;
    private final Map<String, int[]> admitted = new ConcurrentHashMap<>();

    private DrawPool(String type, Instant asOf, List<DrawAlgorithm.Candidate> candidates, byte[] bytes) {
        this.type = type;
        this.asOf = asOf;
        this.candidates = List.copyOf(candidates);
        this.unqualified = new BitSet(candidates.size());
        this.bytes = bytes;
        this.sha256 = HexFormat.of().formatHex(DrawAlgorithm.sha256().digest(bytes));
        this.positions = new HashMap<>(candidates.size() * 2);
        for (int i = 0; i < candidates.size(); i++) {
            positions.put(candidates.get(i).expert(), i);
            if (!candidates.get(i).qualified()) {
                unqualified.set(i);
            }
        }
    }

    /**
     * A {@code sunbid-expert-pool/1} file (no qualification: every candidate must be qualified; the record lists the
     * others) in canonical order; refuses unordered, repeated or unwritable entries.
     */
    public static DrawPool of(Instant asOf, List<DrawAlgorithm.Candidate> candidates) {
        return write(TYPE_V1, asOf, candidates);
    }

    /** A {@code sunbid-expert-pool/2} file: each line says whether the expert is qualified to be drawn. */
    public static DrawPool withQualification(Instant asOf, List<DrawAlgorithm.Candidate> candidates) {
        return write(TYPE, asOf, candidates);
    }

    private static DrawPool write(String type, Instant asOf, List<DrawAlgorithm.Candidate> candidates) {
        boolean flagged = TYPE.equals(type);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + candidates.size() * 64);
        write(out, type + "\n" + "asOf\t" + asOf + "\n");
        String previous = null;
        StringBuilder line = new StringBuilder(96);
        for (DrawAlgorithm.Candidate c : candidates) {
            if (previous != null && previous.compareTo(c.expert()) >= 0) {
                throw new IllegalArgumentException("pool not in canonical order at " + c.expert());
            }
            previous = c.expert();
            line.setLength(0);
            line.append(field(c.expert(), "expert")).append('\t')
                    .append(c.region() == null ? "" : field(c.region(), "region")).append('\t');
            if (c.specialties().isEmpty()) {
                throw new IllegalArgumentException("expert " + c.expert() + " has no specialty");
            }
            for (int i = 0; i < c.specialties().size(); i++) {
                line.append(i == 0 ? "" : ",").append(field(c.specialties().get(i), "specialty"));
            }
            if (flagged) {
                line.append('\t').append(c.qualified() ? '1' : '0');
            } else if (!c.qualified()) {
                throw new IllegalArgumentException("a " + TYPE_V1 + " file cannot mark " + c.expert() + " not qualified");
            }
            write(out, line.append('\n').toString());
        }
        return new DrawPool(type, asOf, candidates, out.toByteArray());
    }

    /** A pool file that is not one {@link #of} writes. */
    public static final class MalformedPoolException extends RuntimeException {
        public MalformedPoolException(String message) {
            super(message);
        }
    }

    /** Reads a pool file; anything but the canonical form is refused, naming the line. */
    public static DrawPool parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new MalformedPoolException("pool file is larger than " + MAX_BYTES + " bytes");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.endsWith("\n")) {
            throw new MalformedPoolException("pool file does not end with a line feed");
        }
        String[] lines = text.split("\n", -1);
        if (lines.length < 3 || !(lines[0].equals(TYPE) || lines[0].equals(TYPE_V1)) || !lines[1].startsWith("asOf\t")) {
            throw new MalformedPoolException("not a " + TYPE + " (or " + TYPE_V1 + ") file");
        }
        String type = lines[0];
        int fields = type.equals(TYPE) ? 4 : 3;
        Instant asOf;
        try {
            asOf = Instant.parse(lines[1].substring(5));
        } catch (DateTimeParseException e) {
            throw new MalformedPoolException("line 2: asOf is not an ISO-8601 instant");
        }
        Map<String, String> shared = new HashMap<>();
        List<DrawAlgorithm.Candidate> candidates = new ArrayList<>(lines.length - 3);
        for (int n = 2; n < lines.length - 1; n++) {
            String[] f = lines[n].split("\t", -1);
            if (f.length != fields || f[0].isEmpty() || f[2].isEmpty()
                    || fields == 4 && !f[3].equals("1") && !f[3].equals("0")) {
                throw new MalformedPoolException("line " + (n + 1) + ": not expert, region, specialties"
                        + (fields == 4 ? " and qualification (1 or 0)" : ""));
            }
            List<String> specialties = new ArrayList<>(2);
            for (String s : f[2].split(",", -1)) {
                specialties.add(shared.computeIfAbsent(s, k -> k));
            }
            candidates.add(new DrawAlgorithm.Candidate(f[0], specialties,
                    f[1].isEmpty() ? null : shared.computeIfAbsent(f[1], k -> k), fields == 3 || f[3].equals("1")));
        }
        DrawPool pool;
        try {
            pool = write(type, asOf, candidates);
        } catch (IllegalArgumentException e) {
            throw new MalformedPoolException(e.getMessage());
        }
        if (!java.util.Arrays.equals(pool.bytes, bytes)) {
            throw new MalformedPoolException("pool file is not in canonical form");
        }
        return pool;
    }

    /** {@link #TYPE} or {@link #TYPE_V1}. */
    public String type() {
        return type;
    }

    /** Whether the file carries each expert's qualification ({@link #TYPE}). */
    public boolean carriesQualification() {
        return TYPE.equals(type);
    }

    /** Positions of the experts the file marks as not qualified (none in a {@link #TYPE_V1} file). */
    public BitSet unqualified() {
        return (BitSet) unqualified.clone();
    }

    public Instant asOf() {
        return asOf;
    }

    public List<DrawAlgorithm.Candidate> candidates() {
        return candidates;
    }

    public int size() {
        return candidates.size();
    }

    /** The file's bytes, as published. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** SHA-256 of the file's bytes, lower-case hex: what the draw record names. */
    public String sha256() {
        return sha256;
    }

    /** Position of an expert in canonical order, or −1. */
    public int position(String expert) {
        Integer i = positions.get(expert);
        return i == null ? -1 : i;
    }

    /** The positions of the given experts that are in the pool. */
    public BitSet positions(Iterable<String> experts) {
        BitSet set = new BitSet(candidates.size());
        for (String e : experts) {
            int i = position(e);
            if (i >= 0) {
                set.set(i);
            }
        }
        return set;
    }

    /** Builds the groups' indexes ahead (when the pool is frozen), so that the draw itself only walks them. */
    public void index(List<DrawAlgorithm.Group> groups) {
        groups.forEach(this::admitted);
    }

    /** Positions, ascending, of the qualified experts a group admits (by specialty and region); once per group shape. */
    int[] admitted(DrawAlgorithm.Group group) {
        return admitted.computeIfAbsent(group.specialty() + "\t" + (group.region() == null ? "" : group.region()),
                k -> DrawAlgorithm.admitted(group, candidates));
    }

    private static String field(String value, String what) {
        if (value.isEmpty() || value.indexOf('\t') >= 0 || value.indexOf('\n') >= 0 || value.indexOf(',') >= 0) {
            throw new IllegalArgumentException(what + " '" + value + "' is empty or holds a tab, line feed or comma");
        }
        return value;
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
