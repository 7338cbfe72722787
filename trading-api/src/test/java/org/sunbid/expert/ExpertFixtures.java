package org.sunbid.expert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberForms;
import org.sunbid.member.MemberSetup;

/** Experts in the library for draw tests, each test in a region of its own so that pools never mix. */
public final class ExpertFixtures {

    private static final Random RANDOM = new Random();
    /** Consecutive from a random start: two calls in one JVM never give the same region (random draws could). */
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_REGION =
            new java.util.concurrent.atomic.AtomicInteger(RANDOM.nextInt(8000));

    private ExpertFixtures() {
    }

    /** A division code no other call uses in this JVM (province 53, county digits counted on from a random start). */
    public static String freshRegion() {
        return "53" + "%04d".formatted(1000 + Math.floorMod(NEXT_REGION.getAndIncrement(), 9000));
    }

    public record Expert(UUID id, String username) {
    }

    /** Registers, approves and admits an expert of {@code region} and {@code specialty}. */
    public static Expert admitted(MemberSetup members, ExpertLibrary library, String region, String specialty,
            String employerUscc, String title, int years) {
        return admitted(members, library, region, specialty, employerUscc, title, years, null);
    }

    /** The same, with the e-mail address invitations are mailed to. */
    public static Expert admitted(MemberSetup members, ExpertLibrary library, String region, String specialty,
            String employerUscc, String title, int years, String email) {
        var form = new MemberForms.ExpertRegistration(MemberFixtures.username("expert"), MemberFixtures.PASSWORD,
                "专家" + UUID.randomUUID().toString().substring(0, 4), MemberFixtures.idNumber(),
                employerUscc == null ? MemberFixtures.uscc() : employerUscc, new ArrayList<>(List.of(specialty)), title,
                years, "13800138000");
        UUID id = members.registerExpert(form).id();
        members.approve(id, null);
        library.admit(new ExpertLibrary.Admission(id, region, List.of(specialty), email), null);
        return new Expert(id, form.username());
    }

    public static List<Expert> admitted(MemberSetup members, ExpertLibrary library, String region, String specialty,
            int count) {
        List<Expert> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(admitted(members, library, region, specialty, null, "SENIOR", 12));
        }
        return list;
    }

    /** A plan body: one group of {@code experts} from the region, with reserves and named representatives. */
    static Map<String, Object> plan(String specialty, String region, int experts, int reserves, List<String> reps) {
        return Map.of("groups", List.of(Map.of("specialty", specialty, "region", region, "experts", experts,
                "reserves", reserves)), "representatives", reps);
    }

    /** Moves the experts' admission a day back, so that they are in the pool of a lot whose deadline has passed. */
    public static void admittedYesterday(org.springframework.jdbc.core.simple.JdbcClient jdbc, List<Expert> experts) {
        for (Expert e : experts) {
            jdbc.sql("update expert_library set admitted_at = admitted_at - interval '1 day', updated_at = updated_at - interval '1 day' where member_id = ?")
                    .param(e.id()).update();
            jdbc.sql("update expert_library_version set valid_from = valid_from - interval '1 day' where member_id = ?")
                    .param(e.id()).update();
        }
    }
}
