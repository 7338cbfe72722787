package org.sunbid.signing.draw;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The expert draw's deterministic sampling, byte for byte as {@code docs/expert-draw.md} specifies it, shared by the
 * platform and {@code bidtool draw-verify}: the commitment, the seed, the SHA-256 counter stream, uniform integers by
 * rejection sampling and a partial Fisher–Yates shuffle per plan group.
 */
public final class DrawAlgorithm {

    /** Bytes of the platform's secret (256 bits). */
    public static final int SECRET_BYTES = 32;

    private DrawAlgorithm() {
    }

    /** The commitment logged when the lot is published: SHA-256 of the 32 secret bytes, hex. */
    public static String commitment(byte[] secret) {
        requireLength(secret, SECRET_BYTES, "secret");
        return HexFormat.of().formatHex(sha256().digest(secret));
    }

    /**
     * seed = SHA-256(secret ‖ bidHash₁ ‖ … ‖ bidHashₙ ‖ UTF-8(lot id) [‖ uint32_be(sequence) when sequence > 0]).
     * Bid hashes are the 32 raw bytes of each receipted bid's SHA-256, in receipt order; the lot id is the lower-case
     * 36-character UUID. The first draw has sequence 0; replacement draws 1, 2, …
     */
    public static byte[] seed(byte[] secret, List<String> bidSha256Hex, String lotId, int sequence) {
        requireLength(secret, SECRET_BYTES, "secret");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
        MessageDigest digest = sha256();
        digest.update(secret);
        for (String hash : bidSha256Hex) {
            byte[] raw = parseHex(hash, "bid hash");
            requireLength(raw, 32, "bid hash");
            digest.update(raw);
        }
        digest.update(lotId.getBytes(StandardCharsets.UTF_8));
        if (sequence > 0) {
            digest.update(ByteBuffer.allocate(4).putInt(sequence).array());
        }
        return digest.digest();
    }

    /**
     * An unbounded byte stream from a seed: block j = SHA-256(seed ‖ uint64_be(j)) for j = 0, 1, …, read in order.
     * Not thread-safe.
     */
    public static final class SeededStream {
        private final MessageDigest digest = sha256();
        private final byte[] seed;
        private final byte[] block = new byte[32];
        private long counter;
        private int used = 32;

        public SeededStream(byte[] seed) {
            requireLength(seed, 32, "seed");
            this.seed = seed.clone();
        }

        private int nextByte() {
            if (used == 32) {
                digest.update(seed);
                digest.update(ByteBuffer.allocate(8).putLong(counter++).array());
                try {
                    digest.digest(block, 0, 32);
                } catch (java.security.DigestException e) {
                    throw new IllegalStateException(e);
                }
                used = 0;
            }
            return block[used++] & 0xff;
        }

        /** Four stream bytes as an unsigned big-endian integer. */
        long nextUint32() {
            return ((long) nextByte() << 24) | (nextByte() << 16) | (nextByte() << 8) | nextByte();
        }

        /**
         * A uniform integer in [0, n) for 1 ≤ n ≤ 2³¹: read r = uint32; if r ≥ 2³² − (2³² mod n) read again, else r mod n.
         */
        public int below(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("bound must be positive");
            }
            long range = 1L << 32;
            long limit = range - range % n;
            while (true) {
                long r = nextUint32();
                if (r < limit) {
                    return (int) (r % n);
                }
            }
        }
    }

    /**
     * The first {@code k} elements of a partial Fisher–Yates shuffle of {@code 0 … m−1}: for i = 0 … k−1,
     * j = i + below(m − i), swap a[i] and a[j]; the answer is a[0 … k−1] in that order (indices into the caller's list).
     */
    public static int[] sample(SeededStream stream, int m, int k) {
        if (k < 0 || k > m) {
            throw new IllegalArgumentException("cannot take " + k + " of " + m);
        }
        int[] a = new int[m];
        for (int i = 0; i < m; i++) {
            a[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + stream.below(m - i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return java.util.Arrays.copyOf(a, k);
    }

    /**
     * One group of the plan: experts of a specialty (code or code prefix), optionally restricted to a region (code
     * prefix), optionally preferring a region (code prefix): eligible experts of the preferred region are drawn first,
     * the others only for the places they cannot fill.
     */
    public record Group(String specialty, String region, int experts, int reserves, String preferredRegion) {
        public Group {
            if (specialty == null || specialty.isBlank()) {
                throw new IllegalArgumentException("group specialty is required");
            }
            if (experts < 1 || reserves < 0) {
                throw new IllegalArgumentException("a group needs one or more experts and zero or more reserves");
            }
            if (preferredRegion != null && preferredRegion.isEmpty()) {
                throw new IllegalArgumentException("a preferred region must not be empty");
            }
        }

        /** A group without a region preference. */
        public Group(String specialty, String region, int experts, int reserves) {
            this(specialty, region, experts, reserves, null);
        }

        boolean preferred(Candidate c) {
            return preferredRegion == null || c.region() != null && c.region().startsWith(preferredRegion);
        }

        boolean admits(Candidate c) {
            if (region != null && (c.region() == null || !c.region().startsWith(region))) {
                return false;
            }
            for (String s : c.specialties()) {
                if (s.startsWith(specialty)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * An expert of the pool as the draw sees it. {@code qualified} is false for an expert the pool file marks as not
     * meeting the statutory qualification (rule {@code not-qualified}): never eligible, whatever the record lists.
     */
    public record Candidate(String expert, List<String> specialties, String region, boolean qualified) {
        public Candidate {
            specialties = List.copyOf(specialties);
        }

        /** A qualified expert. */
        public Candidate(String expert, List<String> specialties, String region) {
            this(expert, specialties, region, true);
        }
    }

    /** A drawn expert: the plan group it was drawn for. */
    public record Pick(int group, String expert) {
    }

    /** Members and reserves, each in draw order. */
    public record Outcome(List<Pick> members, List<Pick> reserves) {
        public Outcome {
            members = List.copyOf(members);
            reserves = List.copyOf(reserves);
        }
    }

    /** A group has fewer eligible experts than members to draw. */
    public static final class PoolTooSmallException extends RuntimeException {
        public final int group;
        public final int eligible;
        public final int needed;

        public PoolTooSmallException(int group, int eligible, int needed) {
            super("group " + group + ": " + eligible + " eligible, " + needed + " needed");
            this.group = group;
            this.eligible = eligible;
            this.needed = needed;
        }
    }

    /**
     * Draws every group in plan order from one stream. A group's eligible list is the pool in its given (canonical)
     * order, less the unqualified and excluded experts and those already picked for an earlier group, keeping those the
     * group admits.
     * It draws min(eligible, experts + reserves): the first {@code experts} are members, the rest reserves in rank
     * order. Refuses, drawing nothing, when a group has fewer eligible experts than members.
     */
    public static Outcome draw(byte[] seed, List<Group> groups, List<Candidate> pool, Set<String> excluded) {
        BitSet out = new BitSet(pool.size());
        for (int i = 0; i < pool.size(); i++) {
            if (excluded.contains(pool.get(i).expert())) {
                out.set(i);
            }
        }
        int[][] admitted = new int[groups.size()][];
        for (int g = 0; g < groups.size(); g++) {
            admitted[g] = admitted(groups.get(g), pool);
        }
        return draw(seed, groups, pool, admitted, out);
    }

    /**
     * The same draw over an indexed pool: {@code excluded} holds the positions (canonical order) of the excluded
     * experts. Each group's admitted positions are computed once per pool, so a draw only walks them.
     */
    public static Outcome draw(byte[] seed, List<Group> groups, DrawPool pool, BitSet excluded) {
        int[][] admitted = new int[groups.size()][];
        for (int g = 0; g < groups.size(); g++) {
            admitted[g] = pool.admitted(groups.get(g));
        }
        return draw(seed, groups, pool.candidates(), admitted, excluded);
    }

    private static Outcome draw(byte[] seed, List<Group> groups, List<Candidate> pool, int[][] admitted,
            BitSet excluded) {
        SeededStream stream = new SeededStream(seed);
        BitSet picked = new BitSet(pool.size());
        List<Pick> members = new ArrayList<>();
        List<Pick> reserves = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            int[] eligible = new int[admitted[g].length];
            int m = 0;
            for (int position : admitted[g]) {
                if (!excluded.get(position) && !picked.get(position)) {
                    eligible[m++] = position;
                }
            }
            if (m < group.experts()) {
                throw new PoolTooSmallException(g, m, group.experts());
            }
            int k = Math.min(m, group.experts() + group.reserves());
            int[] order = preferredFirst(group, pool, eligible, m, k, stream);
            for (int i = 0; i < k; i++) {
                int position = order[i];
                picked.set(position);
                (i < group.experts() ? members : reserves).add(new Pick(g, pool.get(position).expert()));
            }
        }
        return new Outcome(members, reserves);
    }

    /**
     * The k picks of a group, as pool positions in draw order. Without a preference: a partial shuffle of the m
     * eligible. With one: the eligible split, each part in canonical order, into P (region starts with the preferred
     * prefix) and O (the rest); kp = min(|P|, k) are sampled from P, then k − kp from O, from the same stream.
     */
    private static int[] preferredFirst(Group group, List<Candidate> pool, int[] eligible, int m, int k,
            SeededStream stream) {
        int[] order = new int[k];
        if (group.preferredRegion() == null) {
            int[] chosen = sample(stream, m, k);
            for (int i = 0; i < k; i++) {
                order[i] = eligible[chosen[i]];
            }
            return order;
        }
        int[] preferred = new int[m];
        int[] others = new int[m];
        int p = 0;
        int o = 0;
        for (int i = 0; i < m; i++) {
            if (group.preferred(pool.get(eligible[i]))) {
                preferred[p++] = eligible[i];
            } else {
                others[o++] = eligible[i];
            }
        }
        int kp = Math.min(p, k);
        int[] fromPreferred = sample(stream, p, kp);
        int[] fromOthers = sample(stream, o, k - kp);
        for (int i = 0; i < kp; i++) {
            order[i] = preferred[fromPreferred[i]];
        }
        for (int i = 0; i < k - kp; i++) {
            order[kp + i] = others[fromOthers[i]];
        }
        return order;
    }

    /** Positions, ascending, of the qualified pool entries a group admits. */
    static int[] admitted(Group group, List<Candidate> pool) {
        int[] positions = new int[pool.size()];
        int n = 0;
        for (int i = 0; i < pool.size(); i++) {
            if (pool.get(i).qualified() && group.admits(pool.get(i))) {
                positions[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(positions, n);
    }

    /** How many experts each group could draw from, before any is drawn (for the plan's live count). */
    public static int[] eligibleCounts(List<Group> groups, List<Candidate> pool, Set<String> excluded) {
        int[] counts = new int[groups.size()];
        for (Candidate c : pool) {
            if (!c.qualified() || excluded.contains(c.expert())) {
                continue;
            }
            for (int g = 0; g < groups.size(); g++) {
                if (groups.get(g).admits(c)) {
                    counts[g]++;
                }
            }
        }
        return counts;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] parseHex(String hex, String what) {
        try {
            return HexFormat.of().parseHex(hex);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + " is not hexadecimal");
        }
    }

    private static void requireLength(byte[] bytes, int length, String what) {
        if (bytes == null || bytes.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes");
        }
    }
}
