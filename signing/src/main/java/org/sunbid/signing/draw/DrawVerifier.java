package org.sunbid.signing.draw;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.sunbid.signing.cms.CmsVerifier;
import org.sunbid.signing.cms.SignatureCheck;
import org.sunbid.signing.cms.VerifyOptions;
import org.sunbid.signing.timestamp.TimestampCheck;
import org.sunbid.signing.timestamp.TimestampVerifier;

/**
 * Replays an expert draw from its published record and pool file: the platform's signature and timestamp, the pool
 * file against the SHA-256 the signed record names, the secret against its commitment, the seed from the secret, bid
 * hashes and lot, the exclusions, and finally the members and reserves drawn. Every difference is a named problem.
 */
public final class DrawVerifier {

    /** The avoidance rules a record may name (docs/expert-draw.md). */
    public static final Set<String> RULES = Set.of("tenderee-employee", "agency-employee", "bidder-employee",
            "related-to-party", "declared-conflict", "supervising-department", "credit-banned", "credit-bad-record",
            "on-leave", "frequency-cap", "already-drawn", "not-qualified");
    /** The rule a {@link DrawPool#TYPE} file carries per expert instead of the record. */
    static final String NOT_QUALIFIED = "not-qualified";

    private DrawVerifier() {
    }

    /** What the replay found; valid when {@code problems} is empty. */
    public record Report(String lot, int sequence, int pool, int notQualified, int excluded, int members, int reserves,
            String signer,
            java.time.Instant timestamp, List<String> problems, List<String> notes) {
        public Report {
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /**
     * @param trust roots to accept for the signature and the timestamp; when empty both are checked against the
     *              certificates they carry and a note says the signer was not tied to the platform's published root
     */
    public static Report verify(SignedDrawRecord signed, DrawPool pool, Collection<X509Certificate> trust) {
        DrawRecord r = signed.record();
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        byte[] canonical = r.canonicalBytes();
        String signer = null;
        SignatureCheck signature = CmsVerifier.verify(signed.signature(), canonical,
                trust.isEmpty() ? VerifyOptions.signatureOnly() : VerifyOptions.trusting(trust));
        if (signature instanceof SignatureCheck.Valid v) {
            signer = v.signer().getSubjectX500Principal().getName();
        } else if (signature instanceof SignatureCheck.Invalid inv) {
            problems.add("signature: " + inv.failure() + (inv.detail() == null ? "" : " (" + inv.detail() + ")"));
        }
        byte[] digest = DrawAlgorithm.sha256().digest(canonical);
        TimestampCheck stamp = trust.isEmpty() ? TimestampVerifier.verifyWithoutTrust(signed.timestampToken(), digest)
                : TimestampVerifier.verify(signed.timestampToken(), digest, trust);
        java.time.Instant time = null;
        if (stamp instanceof TimestampCheck.Valid v) {
            time = v.timestamp().time();
        } else if (stamp instanceof TimestampCheck.Invalid inv) {
            problems.add("timestamp: " + inv.failure() + (inv.detail() == null ? "" : " (" + inv.detail() + ")"));
        }
        if (trust.isEmpty()) {
            notes.add("signer and time-stamp authority NOT CHECKED against a trusted root: pass --trust root-ca.pem");
        }
        replay(r, pool, problems);
        return new Report(r.lot(), r.sequence(), pool.size(), pool.unqualified().cardinality(), r.exclusions().size(),
                r.members().size(),
                r.reserves().size(), signer, time, problems, notes);
    }

    static void replay(DrawRecord r, DrawPool pool, List<String> problems) {
        byte[] secret;
        try {
            secret = HexFormat.of().parseHex(r.secret());
        } catch (IllegalArgumentException e) {
            problems.add("secret: not hexadecimal");
            return;
        }
        if (secret.length != DrawAlgorithm.SECRET_BYTES) {
            problems.add("secret: not 32 bytes");
            return;
        }
        if (!DrawAlgorithm.commitment(secret).equals(r.commitment())) {
            problems.add("commitment: SHA-256 of the secret does not match the logged commitment");
        }
        byte[] seed;
        try {
            seed = DrawAlgorithm.seed(secret, r.bidHashes(), r.lot(), r.sequence());
        } catch (IllegalArgumentException e) {
            problems.add("bids: " + e.getMessage());
            return;
        }
        if (!HexFormat.of().formatHex(seed).equals(r.seed())) {
            problems.add("seed: does not follow from the secret, the bid hashes and the lot");
        }
        BitSet excluded = checkPool(r, pool, problems);
        try {
            DrawAlgorithm.Outcome outcome = DrawAlgorithm.draw(seed, r.groups(), pool, excluded);
            if (!outcome.members().equals(r.members())) {
                problems.add("members: the replay draws " + ids(outcome.members()) + ", the record says " + ids(r.members()));
            }
            if (!outcome.reserves().equals(r.reserves())) {
                problems.add("reserves: the replay draws " + ids(outcome.reserves()) + ", the record says "
                        + ids(r.reserves()));
            }
        } catch (DrawAlgorithm.PoolTooSmallException e) {
            problems.add("pool: " + e.getMessage() + ", yet the record names a result");
        }
    }

    /**
     * The pool file is the one the record names and of the type its record type goes with; exclusions name its members
     * and known rules — in a {@link DrawRecord#TYPE} record only qualified members and never {@code not-qualified}, which
     * the pool file itself carries.
     */
    private static BitSet checkPool(DrawRecord r, DrawPool pool, List<String> problems) {
        if (!pool.type().equals(r.poolType())) {
            problems.add("pool: a " + r.type() + " record goes with a " + r.poolType() + " file, not " + pool.type());
        }
        if (!pool.sha256().equals(r.pool().sha256())) {
            problems.add("pool: the file's SHA-256 " + pool.sha256() + " is not the record's " + r.pool().sha256());
        }
        if (pool.size() != r.pool().size()) {
            problems.add("pool: the file lists " + pool.size() + " experts, the record says " + r.pool().size());
        }
        if (!pool.asOf().equals(r.poolAsOf())) {
            problems.add("pool: the file is the library as at " + pool.asOf() + ", the record says " + r.poolAsOf());
        }
        BitSet excluded = new BitSet(pool.size());
        for (DrawRecord.Exclusion e : r.exclusions()) {
            int position = pool.position(e.expert());
            if (position < 0) {
                problems.add("exclusions: " + e.expert() + " is not in the pool");
            } else if (excluded.get(position)) {
                problems.add("exclusions: " + e.expert() + " listed twice");
            }
            if (position >= 0) {
                excluded.set(position);
            }
            if (e.rules().isEmpty() || !RULES.containsAll(e.rules())) {
                problems.add("exclusions: " + e.expert() + " names no known rule " + e.rules());
            }
            if (pool.carriesQualification() && (e.rules().contains(NOT_QUALIFIED)
                    || position >= 0 && !pool.candidates().get(position).qualified())) {
                problems.add("exclusions: " + e.expert() + " is listed as not qualified, which only the pool file says");
            }
        }
        return excluded;
    }

    private static List<String> ids(List<DrawAlgorithm.Pick> picks) {
        List<String> ids = new ArrayList<>();
        picks.forEach(p -> ids.add(p.expert().length() > 8 ? p.expert().substring(0, 8) : p.expert()));
        return ids;
    }
}
