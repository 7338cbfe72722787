package org.sunbid.signing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.signing.DigestAlgorithm;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.draw.DrawAlgorithm;
import org.sunbid.signing.draw.DrawPool;
import org.sunbid.signing.draw.DrawRecord;
import org.sunbid.signing.draw.SignedDrawRecord;
import org.sunbid.signing.keys.DemoCa;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.support.Fixtures;
import org.sunbid.signing.timestamp.TimeStampAuthority;

/** {@code bidtool draw-verify} accepts a real signed record and refuses each way of tampering with one. */
class DrawVerifyCommandTests {

    @TempDir
    Path dir;

    Path root;
    byte[] secret;

    @BeforeEach
    void trust() throws Exception {
        root = dir.resolve("root-ca.pem");
        Files.writeString(root, Certificates.toPem(Fixtures.demoCa().root().certificate()));
        secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
    }

    record Run(int exit, String out, String err) {
    }

    Path poolFile;

    Run verify(Path record, boolean withTrust) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Bidtool.commandLine(new Bidtool(Map.of()));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = withTrust
                ? cli.execute("draw-verify", "--record", record.toString(), "--pool", poolFile.toString(), "--trust",
                        root.toString())
                : cli.execute("draw-verify", "--record", record.toString(), "--pool", poolFile.toString());
        return new Run(exit, out.toString(), err.toString());
    }

    static final Instant AS_OF = Instant.parse("2026-12-01T02:00:00Z");

    /**
     * A record as the platform makes one, its pool written to {@code pool.txt}: two excluded, the draw replayed from
     * the seed.
     */
    DrawRecord record(byte[] secret, List<DrawAlgorithm.Candidate> pool) throws Exception {
        return record(secret, pool, List.of(new DrawAlgorithm.Group("B02", null, 5, 2)));
    }

    DrawRecord record(byte[] secret, List<DrawAlgorithm.Candidate> pool, List<DrawAlgorithm.Group> groups)
            throws Exception {
        return record(secret, DrawPool.of(AS_OF, pool), groups);
    }

    /** The same over a pool file of the current type, which marks each expert qualified or not: a current record. */
    DrawRecord qualifiedRecord(byte[] secret, List<DrawAlgorithm.Candidate> pool) throws Exception {
        return record(secret, DrawPool.withQualification(AS_OF, pool), List.of(new DrawAlgorithm.Group("B02", null, 5, 2)));
    }

    DrawRecord record(byte[] secret, DrawPool file, List<DrawAlgorithm.Group> groups) throws Exception {
        List<DrawAlgorithm.Candidate> pool = file.candidates();
        poolFile = dir.resolve("pool.txt");
        Files.write(poolFile, file.bytes());
        List<DrawRecord.BidHash> bids = List.of(new DrawRecord.BidHash(UUID.randomUUID().toString(), hash("bid a")),
                new DrawRecord.BidHash(UUID.randomUUID().toString(), hash("bid b")),
                new DrawRecord.BidHash(UUID.randomUUID().toString(), hash("bid c")));
        String lot = UUID.randomUUID().toString();
        List<DrawRecord.Exclusion> exclusions = List.of(new DrawRecord.Exclusion(pool.get(0).expert(), List.of("bidder-employee")),
                new DrawRecord.Exclusion(pool.get(3).expert(), List.of("on-leave", "frequency-cap")));
        byte[] seed = DrawAlgorithm.seed(secret, bids.stream().map(DrawRecord.BidHash::sha256).toList(), lot, 0);
        DrawAlgorithm.Outcome outcome = DrawAlgorithm.draw(seed, groups, file,
                file.positions(java.util.Set.of(pool.get(0).expert(), pool.get(3).expert())));
        return new DrawRecord(DrawRecord.typeFor(file), UUID.randomUUID().toString(), lot, 0, null, AS_OF, groups,
                2, DrawRecord.PoolReference.of(file), exclusions, DrawAlgorithm.commitment(secret), HexFormat.of().formatHex(secret), bids,
                HexFormat.of().formatHex(seed), outcome.members(), outcome.reserves(), Instant.parse("2026-12-01T03:00:00Z"));
    }

    static List<DrawAlgorithm.Candidate> pool(int n) {
        List<DrawAlgorithm.Candidate> pool = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pool.add(new DrawAlgorithm.Candidate(new UUID(0, 1000 + i).toString(), List.of("B0201"), "330106"));
        }
        return pool;
    }

    /** Every fourth expert (from the third) not qualified. */
    static List<DrawAlgorithm.Candidate> flaggedPool(int n) {
        List<DrawAlgorithm.Candidate> pool = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pool.add(new DrawAlgorithm.Candidate(new UUID(0, 1000 + i).toString(), List.of("B0201"), "330106", i % 4 != 2));
        }
        return pool;
    }

    Path signed(DrawRecord record, SigningKey signer, byte[] stampedBytes, String name) throws Exception {
        DemoCa ca = Fixtures.demoCa();
        byte[] canonical = record.canonicalBytes();
        byte[] signature = new CmsSigner(signer).sign(canonical, true);
        TimeStampAuthority tsa = new TimeStampAuthority(ca.timeStampingAuthority(), Clock.systemUTC());
        byte[] token = tsa.stamp(DigestAlgorithm.SHA256,
                MessageDigest.getInstance("SHA-256").digest(stampedBytes == null ? canonical : stampedBytes)).token();
        Path file = dir.resolve(name);
        Files.writeString(file, new SignedDrawRecord(record, signature, token).toJson(), StandardCharsets.UTF_8);
        return file;
    }

    Path signed(DrawRecord record, String name) throws Exception {
        return signed(record, Fixtures.demoCa().documentSigner(), null, name);
    }

    /** A second implementation (scripts/expert-draw-replay.py, Python standard library only) replays the record. */
    void assertPythonReplays(Path file) throws Exception {
        Run run = python(file);
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("VALID: the replay draws the same 5 members and 2 reserves");
    }

    Run python(Path file) throws Exception {
        Path script = Path.of("..", "scripts", "expert-draw-replay.py").toAbsolutePath();
        assertThat(script).as("the replay script is part of the repository").exists(); // never a silent skip
        Process python = new ProcessBuilder("python3", script.toString(), file.toString(), poolFile.toString())
                .redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(python.waitFor(), output, "");
    }

    static String hash(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    static DrawRecord withPool(DrawRecord r, DrawRecord.PoolReference pool) {
        return new DrawRecord(r.project(), r.lot(), r.sequence(), r.reason(), r.poolAsOf(), r.groups(),
                r.tendereeRepresentatives(), pool, r.exclusions(), r.commitment(), r.secret(), r.bids(), r.seed(),
                r.members(), r.reserves(), r.drawnAt());
    }

    @Test
    void acceptsTheRecordThePlatformSignedAndReplaysTheSameExperts() throws Exception {
        Path file = signed(record(secret, pool(12)), "draw.json");
        Run run = verify(file, true);
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("VALID").contains("pool: 12, excluded: 2, members: 5, reserves: 2");
        // a second implementation (Python standard library only) replays the same record
        assertPythonReplays(file);
        Run untrusted = verify(signed(record(secret, pool(12)), "draw2.json"), false);
        assertThat(untrusted.exit()).isZero();
        assertThat(untrusted.out()).contains("NOT CHECKED");
    }

    @Test
    void acceptsACurrentRecordWhosePoolFileMarksTheUnqualifiedAndBothImplementationsReplayIt() throws Exception {
        List<DrawAlgorithm.Candidate> pool = flaggedPool(16);
        DrawRecord real = qualifiedRecord(secret, pool);
        assertThat(real.canonicalJson()).contains("\"type\":\"sunbid-expert-draw/3\"").doesNotContain("not-qualified");
        assertThat(Files.readString(poolFile)).startsWith("sunbid-expert-pool/2\n");
        java.util.Set<String> unqualified = new java.util.HashSet<>();
        pool.stream().filter(c -> !c.qualified()).forEach(c -> unqualified.add(c.expert()));
        assertThat(real.members()).extracting(DrawAlgorithm.Pick::expert).doesNotContainAnyElementsOf(unqualified);
        assertThat(real.reserves()).extracting(DrawAlgorithm.Pick::expert).doesNotContainAnyElementsOf(unqualified);
        Path file = signed(real, "draw.json");
        Run run = verify(file, true);
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("pool: 16, not qualified (pool file): 4, excluded: 2, members: 5, reserves: 2");
        assertPythonReplays(file);
    }

    @Test
    void refusesAPoolFileWhoseQualificationWasFlippedAfterSigning() throws Exception {
        DrawRecord real = qualifiedRecord(secret, flaggedPool(16));
        Path file = signed(real, "draw.json");
        String text = Files.readString(poolFile);
        // an unqualified expert made drawable (or the reverse): the same experts, one flag changed
        Files.writeString(poolFile, text.replaceFirst("\t0\n", "\t1\n"));
        Run run = verify(file, true);
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).contains("DIFFERENT: pool: the file's SHA-256").doesNotContain("DIFFERENT: signature");
        assertThat(python(file).exit()).isEqualTo(3);
    }

    @Test
    void refusesARecordTypeThatDoesNotGoWithItsPoolFileType() throws Exception {
        DrawRecord real = qualifiedRecord(secret, flaggedPool(16));
        // the same record claiming the older type (whose exclusions must list the unqualified), signed as such
        DrawRecord older = new DrawRecord(DrawRecord.TYPE_V2, real.project(), real.lot(), 0, null, real.poolAsOf(),
                real.groups(), 2, real.pool(), real.exclusions(), real.commitment(), real.secret(), real.bids(),
                real.seed(), real.members(), real.reserves(), real.drawnAt());
        Path file = signed(older, "draw.json");
        Run run = verify(file, true);
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).contains("DIFFERENT: pool: a sunbid-expert-draw/2 record goes with a sunbid-expert-pool/1 file");
        assertThat(python(file).exit()).isEqualTo(3);
    }

    @Test
    void refusesACurrentRecordThatListsAnExpertAsNotQualifiedItself() throws Exception {
        List<DrawAlgorithm.Candidate> pool = flaggedPool(16);
        DrawRecord real = qualifiedRecord(secret, pool);
        List<DrawRecord.Exclusion> exclusions = new ArrayList<>(real.exclusions());
        // a qualified expert kept out by a rule the pool file alone may state: the replay itself would change
        String qualified = pool.stream().filter(DrawAlgorithm.Candidate::qualified)
                .filter(c -> real.members().stream().anyMatch(p -> p.expert().equals(c.expert()))).findFirst()
                .orElseThrow().expert();
        exclusions.add(new DrawRecord.Exclusion(qualified, List.of("not-qualified")));
        DrawRecord listed = new DrawRecord(DrawRecord.TYPE, real.project(), real.lot(), 0, null, real.poolAsOf(),
                real.groups(), 2, real.pool(), exclusions, real.commitment(), real.secret(), real.bids(), real.seed(),
                real.members(), real.reserves(), real.drawnAt());
        Path file = signed(listed, "draw.json");
        Run run = verify(file, true);
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).contains("DIFFERENT: exclusions: " + qualified + " is listed as not qualified")
                .contains("DIFFERENT: members");
        assertThat(python(file).exit()).isEqualTo(3);
    }

    @Test
    void aRegionPreferenceIsPartOfTheRecordAndBothImplementationsReplayIt() throws Exception {
        List<DrawAlgorithm.Candidate> mixed = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            mixed.add(new DrawAlgorithm.Candidate(new UUID(0, 1000 + i).toString(), List.of("B0201"),
                    i % 2 == 1 ? "530102" : "330106"));
        }
        // seven in the preferred region 53, one of them excluded (position 3): six preferred for 5 members + 2 reserves
        DrawRecord real = record(secret, mixed, List.of(new DrawAlgorithm.Group("B02", null, 5, 2, "53")));
        assertThat(real.canonicalJson()).contains("\"preferredRegion\":\"53\"");
        java.util.Map<String, String> regions = new java.util.HashMap<>();
        mixed.forEach(c -> regions.put(c.expert(), c.region()));
        assertThat(real.members()).allSatisfy(p -> assertThat(regions.get(p.expert())).startsWith("53"));
        assertThat(real.reserves()).extracting(p -> regions.get(p.expert())).containsExactlyInAnyOrder("530102", "330106");
        Path file = signed(real, "draw.json");
        Run run = verify(file, true);
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertPythonReplays(file);
        // the preference cannot be dropped after signing: the replay without it draws other experts
        DrawRecord dropped = new DrawRecord(real.project(), real.lot(), 0, null, AS_OF,
                List.of(new DrawAlgorithm.Group("B02", null, 5, 2)), 2, real.pool(), real.exclusions(), real.commitment(),
                real.secret(), real.bids(), real.seed(), real.members(), real.reserves(), real.drawnAt());
        Run unsigned = verify(signed(dropped, "dropped.json"), true);
        assertThat(unsigned.exit()).as(unsigned.out()).isEqualTo(3);
    }

    @Test
    void refusesARecordWhosePoolWasChangedAfterSigning() throws Exception {
        List<DrawAlgorithm.Candidate> shorter = new ArrayList<>(pool(12));
        shorter.remove(5);
        DrawPool other = DrawPool.of(AS_OF, shorter);
        DrawRecord real = record(secret, pool(12));
        Path file = signed(real, "draw.json");
        String json = Files.readString(file);
        Files.write(poolFile, other.bytes());
        String tampered = json.replace(real.canonicalJson(),
                withPool(real, DrawRecord.PoolReference.of(other)).canonicalJson());
        assertThat(tampered).isNotEqualTo(json);
        Files.writeString(file, tampered);
        Run run = verify(file, true);
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).contains("DIFFERENT: signature");
        assertThat(run.err()).startsWith("bidtool: draw record does not replay");
    }

    @Test
    void refusesAPoolFileWithAnExpertSwappedForAnother() throws Exception {
        DrawRecord real = record(secret, pool(12));
        Path file = signed(real, "draw.json");
        List<DrawAlgorithm.Candidate> swapped = new ArrayList<>(pool(12));
        // the tamperer takes out an expert the draw picked and puts in one of its own, same size, canonical order
        swapped.remove(5);
        swapped.add(new DrawAlgorithm.Candidate(new UUID(0, 5000).toString(), List.of("B0201"), "330106"));
        Files.write(poolFile, DrawPool.of(AS_OF, swapped).bytes());
        Run run = verify(file, true);
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).contains("DIFFERENT: pool: the file's SHA-256").doesNotContain("DIFFERENT: signature");
    }

    @Test
    void refusesAPoolFileOutOfCanonicalOrderOrOfAnotherDeadline() throws Exception {
        DrawRecord real = record(secret, pool(12));
        Path file = signed(real, "draw.json");
        String text = Files.readString(poolFile);
        String[] lines = text.split("\n");
        String reordered = text.replace(lines[2] + "\n" + lines[3], lines[3] + "\n" + lines[2]);
        Files.writeString(poolFile, reordered);
        Run run = verify(file, true);
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("pool file").contains("canonical order");

        Files.writeString(poolFile, text.replace(AS_OF.toString(), "2026-12-02T02:00:00Z"));
        run = verify(file, true);
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).contains("DIFFERENT: pool: the file's SHA-256")
                .contains("DIFFERENT: pool: the file is the library as at 2026-12-02T02:00:00Z");
    }

    @Test
    void refusesASecretThatDoesNotMatchItsCommitmentEvenWhenSigned() throws Exception {
        DrawRecord real = record(secret, pool(12));
        byte[] other = secret.clone();
        other[0] ^= 1;
        DrawRecord swapped = new DrawRecord(real.project(), real.lot(), 0, null, real.poolAsOf(), real.groups(), 2,
                real.pool(), real.exclusions(), real.commitment(), HexFormat.of().formatHex(other), real.bids(), real.seed(),
                real.members(), real.reserves(), real.drawnAt());
        Run run = verify(signed(swapped, "draw.json"), true);
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).contains("DIFFERENT: commitment").contains("DIFFERENT: seed");
    }

    @Test
    void refusesARecordSignedByAKeyThatDoesNotChainToTheTrustedRoot() throws Exception {
        SigningKey stranger = Fixtures.otherCa().documentSigner();
        Run run = verify(signed(record(secret, pool(12)), stranger, null, "draw.json"), true);
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).contains("DIFFERENT: signature: UNKNOWN_OR_UNTRUSTED_SIGNER");
    }

    @Test
    void refusesATimestampOverOtherBytes() throws Exception {
        Run run = verify(signed(record(secret, pool(12)), Fixtures.demoCa().documentSigner(),
                "another record".getBytes(StandardCharsets.UTF_8), "draw.json"), true);
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).contains("DIFFERENT: timestamp: IMPRINT_MISMATCH");
    }

    @Test
    void refusesAResultThatIsNotTheReplayEvenWhenThePlatformSignedIt() throws Exception {
        DrawRecord real = record(secret, pool(12));
        List<DrawAlgorithm.Pick> members = new ArrayList<>(real.members());
        members.set(0, real.reserves().get(0));
        List<DrawAlgorithm.Pick> reserves = new ArrayList<>(real.reserves());
        reserves.set(0, real.members().get(0));
        DrawRecord rigged = new DrawRecord(real.project(), real.lot(), 0, null, real.poolAsOf(), real.groups(), 2,
                real.pool(), real.exclusions(), real.commitment(), real.secret(), real.bids(), real.seed(), members,
                reserves, real.drawnAt());
        Run run = verify(signed(rigged, "draw.json"), true);
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).contains("DIFFERENT: members").contains("DIFFERENT: reserves")
                .doesNotContain("DIFFERENT: signature");
    }

    @Test
    void refusesABidHashChangedBeforeSigning() throws Exception {
        DrawRecord real = record(secret, pool(12));
        List<DrawRecord.BidHash> bids = new ArrayList<>(real.bids());
        bids.set(1, new DrawRecord.BidHash(bids.get(1).bid(), hash("another tender")));
        DrawRecord changed = new DrawRecord(real.project(), real.lot(), 0, null, real.poolAsOf(), real.groups(), 2,
                real.pool(), real.exclusions(), real.commitment(), real.secret(), bids, real.seed(), real.members(),
                real.reserves(), real.drawnAt());
        Run run = verify(signed(changed, "draw.json"), true);
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).contains("DIFFERENT: seed");
    }

    @Test
    void refusesAFileThatIsNotADrawRecordInOneLine() throws Exception {
        Path file = dir.resolve("draw.json");
        Files.writeString(file, "{\"record\":{\"type\":\"something-else\"}}");
        record(secret, pool(12));
        Run run = verify(file, true);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().lines().count()).isEqualTo(1);
        assertThat(run.err()).startsWith("bidtool: not a readable draw record");
    }
}
