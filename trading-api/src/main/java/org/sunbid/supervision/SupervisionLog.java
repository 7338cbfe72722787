package org.sunbid.supervision;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.sunbid.identity.AccountId;
import org.sunbid.platform.ProblemException;
import org.sunbid.signing.merkle.ConsistencyProof;
import org.sunbid.signing.merkle.InclusionProof;
import org.sunbid.signing.merkle.LeafSource;
import org.sunbid.signing.merkle.MerkleTree;
import org.sunbid.supervision.internal.Completeness;
import org.sunbid.supervision.internal.Entries;
import org.sunbid.supervision.internal.LogVerification;
import org.sunbid.supervision.internal.LogWriter;
import org.sunbid.supervision.internal.TreeHeads;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading the supervision log: signed tree heads, entries with inclusion proofs, consistency proofs, filtered
 * listings and exports. Proofs are the signing module's JSON, checkable offline with {@code bidtool proof-verify}.
 * Every read by a person is itself logged.
 */
@Service
public class SupervisionLog {

    /** Largest range one export may cover. */
    public static final int MAX_EXPORT = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Entries entries;
    private final TreeHeads heads;
    private final LogWriter writer;
    private final LogVerification verification;
    private final ApplicationEventPublisher events;
    private final org.sunbid.supervision.internal.EntrySealing sealing;
    private final Completeness completeness;

    SupervisionLog(Entries entries, TreeHeads heads, LogWriter writer, LogVerification verification,
            ApplicationEventPublisher events, org.sunbid.supervision.internal.EntrySealing sealing,
            Completeness completeness) {
        this.sealing = sealing;
        this.completeness = completeness;
        this.entries = entries;
        this.heads = heads;
        this.writer = writer;
        this.verification = verification;
        this.events = events;
    }

    /** An entry, its leaf hash and its inclusion proof against a signed tree head. */
    public record ProvenEntry(LogEntry entry, String leafHash, SignedTreeHead treeHead, JsonNode inclusionProof) {
    }

    /** A consistency proof between two signed tree heads. */
    public record ProvenConsistency(SignedTreeHead first, SignedTreeHead second, JsonNode consistencyProof) {
    }

    public Optional<SignedTreeHead> latestTreeHead() {
        return heads.latest();
    }

    /** A signed tree head's size and time, without its signature: how the log grew. */
    public record TreeSizeAt(Instant at, long treeSize) {
    }

    /** Every signed tree head's size and time, smallest first. */
    public List<TreeSizeAt> growth() {
        return heads.all().stream().map(h -> new TreeSizeAt(h.timestamp(), h.treeSize())).toList();
    }

    /** Signs a head now if the log has grown since the last one (a scheduled timer calls this too). */
    public Optional<SignedTreeHead> issueTreeHead() {
        return heads.issue(false);
    }

    /** On demand by a regulator or administrator: always returns a head covering everything committed. */
    public SignedTreeHead issueTreeHeadNow(AccountId by) {
        writer.flush(Duration.ofSeconds(10));
        events.publishEvent(new SupervisionEvents.TreeHeadRequested(AccountId.uuidOrNull(by), writer.tree().size()));
        writer.flush(Duration.ofSeconds(10));
        return heads.issue(true).orElseThrow();
    }

    /** Waits until every event published so far is in the log (tests, exports). */
    public boolean flush() {
        return writer.flush(Duration.ofSeconds(10));
    }

    /**
     * Entry {@code seq} with its inclusion proof in the signed head of {@code treeSize} (default: the latest head,
     * signing a new one when the entry is newer than it).
     */
    public ProvenEntry entry(long seq, Long treeSize, AccountId reader) {
        if (seq < 0) {
            throw ProblemException.invalid("seq", "supervision.seq.negative");
        }
        flush();
        LogEntry entry = entries.find(seq).orElseThrow(() -> ProblemException.notFound("supervision-entry", seq));
        SignedTreeHead head = headFor(treeSize, seq);
        LeafSource tree = writer.tree();
        InclusionProof proof = InclusionProof.generate(tree, seq, head.treeSize());
        if (!proof.verify(MerkleTree.leafHash(entry.leafBytes()), new org.sunbid.signing.merkle.TreeHead(
                head.treeSize(), head.rootHashBytes()))) {
            throw new IllegalStateException("inclusion proof for " + seq + " does not match the signed head");
        }
        events.publishEvent(new SupervisionEvents.LogRead(AccountId.uuidOrNull(reader), entry.subject(), "entry " + seq));
        return new ProvenEntry(entry, HexFormat.of().formatHex(proof.leafHash()), head, JSON.readTree(proof.toJson()));
    }

    /**
     * The sealed details of entry {@code seq}: before its lot's opening only the commitment, afterwards what it hid and
     * whether that matches the commitment in its leaf. 404 when the entry was never sealed.
     */
    public SealedDetails sealedDetails(long seq, AccountId reader) {
        flush();
        SealedDetails details = sealing.revealed(seq)
                .orElseThrow(() -> ProblemException.notFound("sealed-supervision-entry", seq));
        events.publishEvent(new SupervisionEvents.LogRead(AccountId.uuidOrNull(reader), null, "sealed details " + seq));
        return details;
    }

    private SignedTreeHead headFor(Long treeSize, long seq) {
        if (treeSize == null) {
            SignedTreeHead latest = heads.latest().orElse(null);
            if (latest == null || latest.treeSize() <= seq) {
                latest = heads.issue(true).orElseThrow();
            }
            return latest;
        }
        if (treeSize <= seq) {
            throw ProblemException.invalid("treeSize", "supervision.tree-size.not-covering", treeSize, seq);
        }
        return heads.find(treeSize)
                .orElseThrow(() -> ProblemException.invalid("treeSize", "supervision.tree-size.unsigned", treeSize));
    }

    /** A consistency proof between the signed heads of sizes {@code first} and {@code second}. */
    public ProvenConsistency consistency(long first, long second, AccountId reader) {
        if (first < 1) {
            throw ProblemException.invalid("first", "supervision.tree-size.range", first);
        }
        if (second < first) {
            throw ProblemException.invalid("second", "supervision.tree-size.order", first, second);
        }
        SignedTreeHead a = heads.find(first)
                .orElseThrow(() -> ProblemException.invalid("first", "supervision.tree-size.unsigned", first));
        SignedTreeHead b = heads.find(second)
                .orElseThrow(() -> ProblemException.invalid("second", "supervision.tree-size.unsigned", second));
        writer.catchUp();
        ConsistencyProof proof = ConsistencyProof.generate(writer.tree(), first, second);
        if (!proof.verify(new org.sunbid.signing.merkle.TreeHead(first, a.rootHashBytes()),
                new org.sunbid.signing.merkle.TreeHead(second, b.rootHashBytes()))) {
            throw new IllegalStateException("consistency proof " + first + "→" + second + " does not match signed heads");
        }
        events.publishEvent(new SupervisionEvents.LogRead(AccountId.uuidOrNull(reader), null, "consistency " + first + ".." + second));
        return new ProvenConsistency(a, b, JSON.readTree(proof.toJson()));
    }

    public List<LogEntry> list(LogQuery query, AccountId reader) {
        flush();
        List<LogEntry> found = entries.list(query);
        events.publishEvent(new SupervisionEvents.LogRead(AccountId.uuidOrNull(reader),
                query.subject() != null ? query.subject() : query.mentions(),
                "list actor=" + query.actor() + " action=" + query.action() + " page=" + query.page()));
        return found;
    }

    /**
     * Writes entries {@code [from, to)} as JSON lines: first {@code {"treeHead":…}}, then one line per entry with
     * its leaf hash and inclusion proof in that head.
     */
    public void export(long from, long to, AccountId reader, OutputStream out) {
        if (from < 0) {
            throw ProblemException.invalid("from", "supervision.seq.negative");
        }
        if (to <= from || to - from > MAX_EXPORT) {
            throw ProblemException.invalid("to", "supervision.export.range", MAX_EXPORT);
        }
        flush();
        long size = writer.tree().size();
        if (to > size) {
            throw ProblemException.invalid("to", "supervision.export.beyond", size);
        }
        SignedTreeHead head = headFor(null, to - 1);
        events.publishEvent(new SupervisionEvents.LogRead(AccountId.uuidOrNull(reader), null, "export " + from + ".." + to));
        try {
            writeLine(out, Map.of("treeHead", head));
            LeafSource tree = writer.tree();
            IOException[] failure = { null };
            entries.stream(from, to, (entry, leafHash) -> {
                if (failure[0] != null) {
                    return;
                }
                InclusionProof proof = InclusionProof.generate(tree, entry.seq(), head.treeSize());
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("entry", entry);
                line.put("leafHash", HexFormat.of().formatHex(leafHash));
                line.put("inclusionProof", JSON.readTree(proof.toJson()));
                try {
                    writeLine(out, line);
                } catch (IOException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeLine(OutputStream out, Object value) throws IOException {
        out.write(JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    /**
     * Checks an inclusion proof (signing-module JSON) against the platform's own signed head of the proof's tree
     * size: malformed JSON is a 400, a proof that does not lead to the signed root is a 422.
     */
    public SignedTreeHead checkInclusion(String proofJson) {
        InclusionProof proof;
        try {
            proof = InclusionProof.fromJson(proofJson == null ? "" : proofJson);
        } catch (org.sunbid.signing.merkle.ProofFormatException | IllegalArgumentException e) {
            throw ProblemException.invalid("proof", "supervision.proof.malformed", String.valueOf(e.getMessage()));
        }
        SignedTreeHead head = heads.find(proof.treeSize())
                .orElseThrow(() -> ProblemException.invalid("treeSize", "supervision.tree-size.unsigned",
                        proof.treeSize()));
        boolean storedLeaf = proof.leafIndex() < writer.tree().size()
                && java.util.Arrays.equals(writer.tree().leafHash(proof.leafIndex()), proof.leafHash());
        if (!storedLeaf || !proof.verify(proof.leafHash(),
                new org.sunbid.signing.merkle.TreeHead(head.treeSize(), head.rootHashBytes()))) {
            throw ProblemException.rule("proof-invalid", "proof", "supervision.proof.invalid");
        }
        return head;
    }

    /**
     * Cheap start-up check: the tree rebuilt from the stored leaf hashes must still have the root of every signed
     * head (catches truncation, deleted rows and replaced leaf hashes; the full verification also re-reads every
     * entry). Returns the size of the first head that no longer matches; a mismatch is itself logged.
     */
    public Optional<Long> firstHeadNotMatchingStoredLeaves() {
        flush();
        Optional<Long> bad = verification.firstHeadNotMatchingStoredLeaves();
        bad.ifPresent(size -> events.publishEvent(new SupervisionEvents.TamperingDetected(null,
                "stored leaf hashes no longer produce signed tree head " + size)));
        return bad;
    }

    /**
     * Recomputes the tree from the stored entries and compares it with every signed head, then checks that every
     * recorded act has its entry.
     */
    public VerificationReport verify() {
        flush();
        VerificationReport report = verification.verify();
        if (!report.intact()) {
            events.publishEvent(new SupervisionEvents.TamperingDetected(report.firstBadSeq(), report.reason()));
        }
        return report.with(checkCompleteness());
    }

    /**
     * Whether every bid, notice, signed document, archive package and project has its entry; names the subjects that
     * lack one. Every read by a person is logged.
     */
    public CompletenessReport completeness(AccountId reader) {
        CompletenessReport report = checkCompleteness();
        events.publishEvent(new SupervisionEvents.LogRead(AccountId.uuidOrNull(reader), null, "completeness"));
        return report;
    }

    private CompletenessReport checkCompleteness() {
        flush();
        CompletenessReport report = completeness.check();
        if (!report.complete()) {
            CompletenessReport.Missing first = report.missing().get(0);
            events.publishEvent(new SupervisionEvents.EntriesMissing(report.missingCount(), first.kind(),
                    first.subject()));
        }
        return report;
    }

    /** The certificate of the key that signs tree heads (the platform document signer), DER. */
    public byte[] certificate() {
        try {
            return heads.certificate().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
