package org.sunbid.signing.draw;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.sunbid.signing.internal.Json;

/**
 * The record of one expert draw (抽取记录): plan, the pool named by the SHA-256 of its file ({@link DrawPool}),
 * exclusions with their rules, the secret and its commitment, the receipted bids' hashes, the seed and the result. Its canonical JSON (keys sorted, no spaces) is
 * what the platform signs and timestamps, and what {@link DrawVerifier} replays.
 *
 * @param type     {@link #TYPE} (its pool file, {@link DrawPool#TYPE}, carries each expert's qualification, so the
 *                 exclusions list only qualified experts kept out by the lot's own facts) or {@link #TYPE_V2} (pool
 *                 file {@link DrawPool#TYPE_V1}; the exclusions also list the unqualified, rule {@code not-qualified})
 * @param sequence 0 for the lot's draw, 1, 2, … for replacement draws
 * @param reason   why a replacement draw was made (null for the first draw)
 */
public record DrawRecord(String type, String project, String lot, int sequence, String reason, Instant poolAsOf,
        List<DrawAlgorithm.Group> groups, int tendereeRepresentatives, PoolReference pool,
        List<Exclusion> exclusions, String commitment, String secret, List<BidHash> bids, String seed,
        List<DrawAlgorithm.Pick> members, List<DrawAlgorithm.Pick> reserves, Instant drawnAt) {

    public static final String TYPE = "sunbid-expert-draw/3";
    /** Records made before the pool file carried qualification; still read and verified byte for byte. */
    public static final String TYPE_V2 = "sunbid-expert-draw/2";
    /** Upper bound on a record's JSON text (the pool is a file of its own; exclusions take ~60 bytes each). */
    public static final int MAX_CHARS = 16 * 1024 * 1024;

    public DrawRecord {
        if (!TYPE.equals(type) && !TYPE_V2.equals(type)) {
            throw new IllegalArgumentException("not a draw record type: " + type);
        }
        groups = List.copyOf(groups);
        java.util.Objects.requireNonNull(pool, "pool");
        exclusions = List.copyOf(exclusions);
        bids = List.copyOf(bids);
        members = List.copyOf(members);
        reserves = List.copyOf(reserves);
    }

    /** A {@link #TYPE_V2} record (pool file without qualification), as made before {@link #TYPE}. */
    public DrawRecord(String project, String lot, int sequence, String reason, Instant poolAsOf,
            List<DrawAlgorithm.Group> groups, int tendereeRepresentatives, PoolReference pool,
            List<Exclusion> exclusions, String commitment, String secret, List<BidHash> bids, String seed,
            List<DrawAlgorithm.Pick> members, List<DrawAlgorithm.Pick> reserves, Instant drawnAt) {
        this(TYPE_V2, project, lot, sequence, reason, poolAsOf, groups, tendereeRepresentatives, pool, exclusions,
                commitment, secret, bids, seed, members, reserves, drawnAt);
    }

    /** The record type for a pool file of this type. */
    public static String typeFor(DrawPool pool) {
        return pool.carriesQualification() ? TYPE : TYPE_V2;
    }

    /** The type of pool file this record's type goes with. */
    public String poolType() {
        return TYPE.equals(type) ? DrawPool.TYPE : DrawPool.TYPE_V1;
    }

    /** The pool file of the draw: SHA-256 of its bytes (lower-case hex) and its number of experts. */
    public record PoolReference(String sha256, int size) {
        public static PoolReference of(DrawPool pool) {
            return new PoolReference(pool.sha256(), pool.size());
        }
    }

    /** An expert of the pool kept out of the draw, with every rule that excludes it. */
    public record Exclusion(String expert, List<String> rules) {
        public Exclusion {
            rules = List.copyOf(rules);
        }
    }

    /** A receipted bid of the lot and its SHA-256, as its receipt states it. */
    public record BidHash(String bid, String sha256) {
    }

    /** The expert ids the record excludes. */
    public Set<String> excludedExperts() {
        Set<String> ids = new LinkedHashSet<>();
        exclusions.forEach(e -> ids.add(e.expert()));
        return ids;
    }

    public List<String> bidHashes() {
        return bids.stream().map(BidHash::sha256).toList();
    }

    /** The canonical JSON the platform signs: UTF-8, object keys sorted by code point, no insignificant space. */
    public byte[] canonicalBytes() {
        return Json.write(toMap()).getBytes(StandardCharsets.UTF_8);
    }

    public String canonicalJson() {
        return Json.write(toMap());
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new TreeMap<>();
        m.put("type", type);
        m.put("project", project);
        m.put("lot", lot);
        m.put("sequence", (long) sequence);
        m.put("reason", reason);
        m.put("poolAsOf", poolAsOf.toString());
        List<Object> g = new ArrayList<>();
        for (DrawAlgorithm.Group group : groups) {
            Map<String, Object> x = new TreeMap<>();
            x.put("specialty", group.specialty());
            x.put("region", group.region());
            x.put("experts", (long) group.experts());
            x.put("reserves", (long) group.reserves());
            if (group.preferredRegion() != null) {
                x.put("preferredRegion", group.preferredRegion()); // absent, not null: records before it stay byte-exact
            }
            g.add(x);
        }
        m.put("groups", g);
        m.put("tendereeRepresentatives", (long) tendereeRepresentatives);
        Map<String, Object> p = new TreeMap<>();
        p.put("sha256", pool.sha256());
        p.put("size", (long) pool.size());
        m.put("pool", p);
        List<Object> e = new ArrayList<>();
        for (Exclusion ex : exclusions) {
            Map<String, Object> x = new TreeMap<>();
            x.put("expert", ex.expert());
            x.put("rules", ex.rules());
            e.add(x);
        }
        m.put("exclusions", e);
        m.put("commitment", commitment);
        m.put("secret", secret);
        List<Object> b = new ArrayList<>();
        for (BidHash bid : bids) {
            Map<String, Object> x = new TreeMap<>();
            x.put("bid", bid.bid());
            x.put("sha256", bid.sha256());
            b.add(x);
        }
        m.put("bids", b);
        m.put("seed", seed);
        m.put("members", picks(members));
        m.put("reserves", picks(reserves));
        m.put("drawnAt", drawnAt.toString());
        return m;
    }

    private static List<Object> picks(List<DrawAlgorithm.Pick> picks) {
        List<Object> list = new ArrayList<>();
        for (DrawAlgorithm.Pick pick : picks) {
            Map<String, Object> x = new TreeMap<>();
            x.put("group", (long) pick.group());
            x.put("expert", pick.expert());
            list.add(x);
        }
        return list;
    }

    /** Reads a record from its JSON object (as parsed by the signing module's reader). */
    @SuppressWarnings("unchecked")
    static DrawRecord fromMap(Map<String, Object> m) {
        Object type = m.get("type");
        if (!TYPE.equals(type) && !TYPE_V2.equals(type)) {
            throw new Json.JsonException("not a " + TYPE + " (or " + TYPE_V2 + ") record");
        }
        List<DrawAlgorithm.Group> groups = new ArrayList<>();
        for (Object o : Json.array(m, "groups")) {
            Map<String, Object> x = object(o, "groups");
            groups.add(new DrawAlgorithm.Group(Json.string(x, "specialty"), optionalString(x, "region"),
                    (int) Json.number(x, "experts"), (int) Json.number(x, "reserves"),
                    optionalString(x, "preferredRegion")));
        }
        Map<String, Object> p = object(m.get("pool"), "pool");
        PoolReference pool = new PoolReference(Json.string(p, "sha256"), (int) Json.number(p, "size"));
        List<Exclusion> exclusions = new ArrayList<>();
        for (Object o : Json.array(m, "exclusions")) {
            Map<String, Object> x = object(o, "exclusions");
            exclusions.add(new Exclusion(Json.string(x, "expert"), strings(x, "rules")));
        }
        List<BidHash> bids = new ArrayList<>();
        for (Object o : Json.array(m, "bids")) {
            Map<String, Object> x = object(o, "bids");
            bids.add(new BidHash(Json.string(x, "bid"), Json.string(x, "sha256")));
        }
        return new DrawRecord((String) type, Json.string(m, "project"), Json.string(m, "lot"), (int) Json.number(m, "sequence"),
                optionalString(m, "reason"), instant(m, "poolAsOf"), groups,
                (int) Json.number(m, "tendereeRepresentatives"), pool, exclusions, Json.string(m, "commitment"),
                Json.string(m, "secret"), bids, Json.string(m, "seed"), picksOf(m, "members"), picksOf(m, "reserves"),
                instant(m, "drawnAt"));
    }

    private static List<DrawAlgorithm.Pick> picksOf(Map<String, Object> m, String field) {
        List<DrawAlgorithm.Pick> list = new ArrayList<>();
        for (Object o : Json.array(m, field)) {
            Map<String, Object> x = object(o, field);
            list.add(new DrawAlgorithm.Pick((int) Json.number(x, "group"), Json.string(x, "expert")));
        }
        return list;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o, String field) {
        if (!(o instanceof Map<?, ?> map)) {
            throw new Json.JsonException("'" + field + "' must hold objects");
        }
        return (Map<String, Object>) map;
    }

    private static List<String> strings(Map<String, Object> x, String field) {
        List<String> list = new ArrayList<>();
        for (Object o : Json.array(x, field)) {
            if (!(o instanceof String s)) {
                throw new Json.JsonException("'" + field + "' must hold strings");
            }
            list.add(s);
        }
        return list;
    }

    private static String optionalString(Map<String, Object> x, String field) {
        return x.get(field) == null ? null : Json.string(x, field);
    }

    private static Instant instant(Map<String, Object> x, String field) {
        try {
            return Instant.parse(Json.string(x, field));
        } catch (DateTimeParseException e) {
            throw new Json.JsonException("'" + field + "' is not an ISO-8601 instant");
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
