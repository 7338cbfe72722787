package org.sunbid.expert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.demo.seed.DemoExperts;
import org.sunbid.member.MemberSetup;
import org.sunbid.member.MemberStatus;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.support.PlatformTest;

/**
 * The demo seeder (run in the background only when {@code sunbid.demo=true}) makes approved expert members with demo-CA
 * certificates and admits them with specialties of the table; seeding again creates nothing twice.
 */
@PlatformTest
class DemoExpertsIntegrationTests {

    @Autowired
    DemoExperts demo;

    @Autowired
    ExpertLibrary library;

    @Autowired
    MemberSetup members;

    @Autowired
    PlatformProperties properties;

    @Test
    void seededExpertsAreApprovedCertifiedAndInTheLibraryOnce() {
        String prefix = "demo-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        assertThat(demo.seed(4, prefix)).isEqualTo(4);
        assertThat(demo.seed(4, prefix)).isZero();
        List<ExpertLibrary.ExpertView> admitted = library.list(ExpertStatus.ACTIVE, null, 500).stream()
                .filter(e -> e.email() != null && e.email().startsWith(prefix)).toList();
        assertThat(admitted).hasSize(4).allSatisfy(e -> {
            assertThat(members.details(e.memberId()).status()).isEqualTo(MemberStatus.APPROVED);
            assertThat(members.certificates(e.memberId())).hasSize(1);
            assertThat(e.specialties()).isNotEmpty();
            assertThat(e.regionName()).isNotNull();
        });
        assertThat(Files.exists(properties.dataDir().resolve("demo/experts/" + prefix + "001.p12"))).isTrue();
    }
}
