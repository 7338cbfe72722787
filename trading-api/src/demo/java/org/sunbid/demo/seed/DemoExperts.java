package org.sunbid.demo.seed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.sunbid.expert.ExpertLibrary;
import org.sunbid.identity.AccountManagement;
import org.sunbid.member.CertificateBinding;
import org.sunbid.member.MemberForms;
import org.sunbid.member.MemberRegistration;
import org.sunbid.member.MemberReview;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.platform.id.MemberId;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.keys.DemoCa;
import org.sunbid.signing.keys.Pkcs12;
import org.sunbid.signing.keys.SigningKey;

/**
 * Demo mode only ({@code sunbid.demo=true}): fills the expert library with {@code sunbid.demo.experts} experts (default
 * 300) across the specialty table and sixteen regions, each a registered and approved expert member with a certificate
 * from the demo CA (its PKCS#12 under {@code <data-dir>/demo/experts}), so that demo draws with avoidance work. Runs in
 * the background once the platform is up (password hashing makes it take a while); idempotent by username.
 */
@Component
public class DemoExperts {

    private static final Logger log = LoggerFactory.getLogger(DemoExperts.class);
    public static final String PASSWORD = "Demo@Sunbid2026";
    private static final String[] REGIONS = { "110108", "110105", "310115", "310104", "440106", "440305", "330106",
            "330127", "320106", "510107", "500105", "420106", "610113", "370102", "360732", "130627" };
    private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
            "胡", "郭", "何", "高", "林", "罗" };
    private static final String[] GIVEN = { "建国", "海涛", "丽华", "志强", "晓东", "文静", "国栋", "秀英", "伟", "敏", "军", "磊",
            "婷", "洋", "杰", "娟", "勇", "艳", "峰", "霞" };
    private static final String[] TITLES = { "SENIOR", "ASSOCIATE_SENIOR", "ASSOCIATE_SENIOR", "SENIOR", "INTERMEDIATE" };

    private final MemberRegistration registration;
    private final MemberReview review;
    private final CertificateBinding certificates;
    private final AccountManagement accounts;
    private final ExpertLibrary library;
    private final PlatformProperties properties;
    private final boolean demo;
    private final int count;
    /** Done once the library is seeded (or seeding failed, or there is nothing to seed). */
    private final CompletableFuture<Void> seeded = new CompletableFuture<>();

    DemoExperts(MemberRegistration registration, MemberReview review, CertificateBinding certificates,
            AccountManagement accounts, ExpertLibrary library, PlatformProperties properties,
            @Value("${sunbid.demo.experts:300}") int count) {
        this.registration = registration;
        this.review = review;
        this.certificates = certificates;
        this.accounts = accounts;
        this.library = library;
        this.properties = properties;
        this.demo = properties.demo();
        this.count = count;
        if (!demo || count <= 0) {
            seeded.complete(null);
        }
    }

    /**
     * Whether the start's seeding has ended. The demo tender waits for it before it publishes: its lot's expert pool
     * is frozen at the bid deadline, and a pool frozen while the library is still filling may be too small to draw.
     */
    public boolean seeded() {
        return seeded.isDone();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (!demo || count <= 0) {
            return;
        }
        Thread seeding = new Thread(() -> {
            try {
                int created = seed(count, "libexpert");
                log.info("Demo experts: {} created now, library holds {} (logins libexpert001..libexpert{}, password {})",
                        created, library.size(), "%03d".formatted(count), PASSWORD);
            } catch (RuntimeException e) {
                log.warn("Demo experts not seeded: {}", e.toString());
            } finally {
                seeded.complete(null);
            }
        }, "demo-experts");
        seeding.setDaemon(true);
        seeding.start();
    }

    /** Registers, approves, certifies and admits {@code n} experts named {@code prefix001…}; returns how many were new. */
    public int seed(int n, String prefix) {
        Random random = new Random(20261203L);
        List<String> codes = new ArrayList<>(library.specialties().stream()
                .filter(s -> s.parent() != null).map(ExpertLibrary.SpecialtyView::code).toList());
        DemoCa ca = DemoCa.loadOrCreate(properties.caDirectory(), properties.keys().passphrase().toCharArray());
        Path keys = properties.dataDir().resolve("demo").resolve("experts");
        int created = 0;
        for (int i = 1; i <= n; i++) {
            String username = prefix + "%03d".formatted(i);
            String region = REGIONS[random.nextInt(REGIONS.length)];
            String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
            String title = TITLES[random.nextInt(TITLES.length)];
            int years = 5 + random.nextInt(28);
            List<String> specialties = new ArrayList<>();
            specialties.add(codes.get((i - 1) % codes.size()));
            String second = codes.get(random.nextInt(codes.size()));
            if (!specialties.contains(second) && random.nextBoolean()) {
                specialties.add(second);
            }
            String idNumber = idNumber(region, i, random);
            String first17 = "91" + region + "%09d".formatted(random.nextInt(1_000_000_000));
            String employer = first17 + org.sunbid.member.UnifiedSocialCreditCode.checkCharacter(first17);
            if (accounts.usernameTaken(username)) {
                continue;
            }
            UUID id = registration.registerExpert(new MemberForms.ExpertRegistration(username, PASSWORD, name, idNumber,
                    employer, specialties, title, years, "139" + "%08d".formatted(random.nextInt(100_000_000)))).id();
            review.approve(MemberId.of(id), null);
            SigningKey key = ca.issueMember("CN=" + name + ",OU=评标专家,O=" + username, Certificates.KeyAlgorithm.EC_P256);
            certificates.bindCertificate(MemberId.of(id), Certificates.toPem(key.certificate()), null);
            writeKey(keys.resolve(username + ".p12"), key);
            library.admit(new ExpertLibrary.Admission(id, region, specialties, username + "@experts.sunbid.demo"), null);
            created++;
        }
        return created;
    }

    private static String idNumber(String region, int i, Random random) {
        String first17 = region + java.time.LocalDate.of(1960, 1, 1).plusDays(random.nextInt(12_000)).toString()
                .replace("-", "") + "%03d".formatted(i % 1000);
        return first17 + org.sunbid.member.ResidentIdNumber.checkDigit(first17);
    }

    private void writeKey(Path file, SigningKey key) {
        try {
            Files.createDirectories(file.getParent());
            Pkcs12.write(file, key, "expert", PASSWORD.toCharArray());
        } catch (java.io.IOException | RuntimeException e) {
            log.warn("demo expert key {} not written: {}", file, e.toString());
        }
    }
}
