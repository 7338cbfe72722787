package org.sunbid.signing.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The pool file: its exact bytes, its strict reading, and the indexed draw over it agreeing with the plain one. */
class DrawPoolTests {

    static final Instant AS_OF = Instant.parse("2026-12-01T02:00:00Z");

    @Test
    void writesTheDocumentedBytesAndReadsThemBack() {
        DrawPool pool = DrawPool.of(AS_OF, List.of(new DrawAlgorithm.Candidate("a", List.of("B0201", "C0103"), "530101"),
                new DrawAlgorithm.Candidate("b", List.of("B0201"), null)));
        String text = "sunbid-expert-pool/1\nasOf\t2026-12-01T02:00:00Z\na\t530101\tB0201,C0103\nb\t\tB0201\n";
        assertThat(new String(pool.bytes(), StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(pool.sha256()).isEqualTo(DrawRecord.hex(DrawAlgorithm.sha256().digest(text.getBytes(StandardCharsets.UTF_8))));
        DrawPool read = DrawPool.parse(pool.bytes());
        assertThat(read.candidates()).isEqualTo(pool.candidates());
        assertThat(read.asOf()).isEqualTo(AS_OF);
        assertThat(read.position("b")).isEqualTo(1);
        assertThat(read.position("z")).isEqualTo(-1);
    }

    @Test
    void refusesEveryFileItWouldNotHaveWritten() {
        String good = "sunbid-expert-pool/1\nasOf\t2026-12-01T02:00:00Z\na\t530101\tB0201\nb\t530101\tB0201\n";
        assertThat(DrawPool.parse(bytes(good)).size()).isEqualTo(2);
        for (String bad : List.of(good.replace("\n", "\r\n"), good.replace("a\t", "c\t"), good + "b\t530101\tB0201\n",
                good.substring(0, good.length() - 1), good.replace("B0201\nb", "B0201,\nb"), good.replace("pool/1", "pool/2"),
                good.replace("2026-12-01T02:00:00Z", "yesterday"), good.replace("\t530101\tB0201\nb", "\t530101\nb"),
                good.replace("2026-12-01T02:00:00Z", "2026-12-01T02:00:00.000Z"))) {
            assertThatThrownBy(() -> DrawPool.parse(bytes(bad))).as(bad).isInstanceOf(DrawPool.MalformedPoolException.class);
        }
    }

    @Test
    void aVersionTwoFileCarriesEachExpertsQualificationAndReadsItBack() {
        DrawPool pool = DrawPool.withQualification(AS_OF, List.of(
                new DrawAlgorithm.Candidate("a", List.of("B0201", "C0103"), "530101", true),
                new DrawAlgorithm.Candidate("b", List.of("B0201"), null, false)));
        String text = "sunbid-expert-pool/2\nasOf\t2026-12-01T02:00:00Z\na\t530101\tB0201,C0103\t1\nb\t\tB0201\t0\n";
        assertThat(new String(pool.bytes(), StandardCharsets.UTF_8)).isEqualTo(text);
        DrawPool read = DrawPool.parse(pool.bytes());
        assertThat(read.candidates()).isEqualTo(pool.candidates());
        assertThat(read.carriesQualification()).isTrue();
        assertThat(read.unqualified().stream().toArray()).containsExactly(1);
        // a version-1 file has no place for it: every expert it lists is qualified, or it is not written at all
        assertThat(DrawPool.parse(DrawPool.of(AS_OF, List.of(new DrawAlgorithm.Candidate("a", List.of("B0201"), null)))
                .bytes()).unqualified().isEmpty()).isTrue();
        assertThatThrownBy(() -> DrawPool.of(AS_OF, read.candidates())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesEveryVersionTwoFileItWouldNotHaveWritten() {
        String good = "sunbid-expert-pool/2\nasOf\t2026-12-01T02:00:00Z\na\t530101\tB0201\t1\nb\t530101\tB0201\t0\n";
        assertThat(DrawPool.parse(bytes(good)).size()).isEqualTo(2);
        for (String bad : List.of(good.replace("\t0\n", "\t2\n"), good.replace("\t0\n", "\n"),
                good.replace("\t1\n", "\t1\t1\n"), good.replace("\t1\n", "\tyes\n"), good.replace("pool/2", "pool/1"),
                good.replace("\t0\n", "\t\n"))) {
            assertThatThrownBy(() -> DrawPool.parse(bytes(bad))).as(bad).isInstanceOf(DrawPool.MalformedPoolException.class);
        }
    }

    @Test
    void qualificationInThePoolFileDrawsWhatTheSameExpertsExcludedByTheRecordDraw() {
        Random random = new Random(37);
        for (int run = 0; run < 200; run++) {
            List<DrawAlgorithm.Candidate> flagged = new ArrayList<>();
            List<DrawAlgorithm.Candidate> plain = new ArrayList<>();
            Set<String> excluded = new HashSet<>();
            Set<String> excludedWithUnqualified = new HashSet<>();
            int n = 20 + random.nextInt(200);
            for (int i = 0; i < n; i++) {
                String id = new UUID(0, i).toString();
                List<String> specialties = List.of(random.nextBoolean() ? "B0201" : "C0103");
                String region = random.nextBoolean() ? "530101" : "330106";
                boolean qualified = random.nextInt(8) != 0;
                flagged.add(new DrawAlgorithm.Candidate(id, specialties, region, qualified));
                plain.add(new DrawAlgorithm.Candidate(id, specialties, region));
                if (random.nextInt(10) == 0) {
                    excluded.add(id);
                }
                if (!qualified || excluded.contains(id)) {
                    excludedWithUnqualified.add(id);
                }
            }
            DrawPool v2 = DrawPool.withQualification(AS_OF, flagged);
            DrawPool v1 = DrawPool.of(AS_OF, plain);
            List<DrawAlgorithm.Group> groups = List.of(new DrawAlgorithm.Group("B02", null, 3, 2, "53"),
                    new DrawAlgorithm.Group("C01", null, 2, 1));
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            try {
                DrawAlgorithm.Outcome old = DrawAlgorithm.draw(seed, groups, v1, v1.positions(excludedWithUnqualified));
                assertThat(DrawAlgorithm.draw(seed, groups, v2, v2.positions(excluded))).isEqualTo(old);
                assertThat(DrawAlgorithm.draw(seed, groups, flagged, excluded)).isEqualTo(old);
            } catch (DrawAlgorithm.PoolTooSmallException e) {
                assertThatThrownBy(() -> DrawAlgorithm.draw(seed, groups, v2, v2.positions(excluded)))
                        .isInstanceOf(DrawAlgorithm.PoolTooSmallException.class);
            }
        }
    }

    @Test
    void theIndexedDrawDrawsWhatThePlainDrawDrawsOnRandomPools() {
        Random random = new Random(15);
        for (int run = 0; run < 200; run++) {
            List<DrawAlgorithm.Candidate> candidates = new ArrayList<>();
            Set<String> excluded = new HashSet<>();
            int n = 20 + random.nextInt(200);
            for (int i = 0; i < n; i++) {
                String id = new UUID(0, i).toString();
                candidates.add(new DrawAlgorithm.Candidate(id, List.of(random.nextBoolean() ? "B0201" : "C0103"),
                        random.nextBoolean() ? "530101" : "330106"));
                if (random.nextInt(10) == 0) {
                    excluded.add(id);
                }
            }
            DrawPool pool = DrawPool.of(AS_OF, candidates);
            List<DrawAlgorithm.Group> groups = List.of(new DrawAlgorithm.Group("B02", null, 3, 2),
                    new DrawAlgorithm.Group("C01", "53", 2, 1));
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            BitSet positions = pool.positions(excluded);
            try {
                DrawAlgorithm.Outcome plain = DrawAlgorithm.draw(seed, groups, candidates, excluded);
                assertThat(DrawAlgorithm.draw(seed, groups, pool, positions)).isEqualTo(plain);
            } catch (DrawAlgorithm.PoolTooSmallException e) {
                assertThatThrownBy(() -> DrawAlgorithm.draw(seed, groups, pool, positions))
                        .isInstanceOf(DrawAlgorithm.PoolTooSmallException.class);
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
