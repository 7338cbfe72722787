package org.sunbid.bid;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.sunbid.SunbidApplication;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberSetup;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.project.ProjectSetup;
import org.sunbid.schedule.PublishedLots;

/**
 * The whole platform in a JVM of its own, for {@link CompletionCrashTests} to kill with {@code kill -9}. Arguments are
 * Spring Boot's ({@code --spring.datasource.url=…}, {@code --sunbid.data-dir=…}, {@code --server.port=…}). At its
 * first start it makes the trial's fixture — a published lot, a bidder with the certificate in
 * {@code <data-dir>/bidder.pem} bound and its deposit cleared — and writes it to {@code <data-dir>/fixture.properties};
 * then prints {@code READY}.
 */
public final class CompletionCrashNode {

    private CompletionCrashNode() {
    }

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext context = SpringApplication.run(SunbidApplication.class, args);
        Path dataDir = context.getBean(PlatformProperties.class).dataDir();
        Path fixture = dataDir.resolve("fixture.properties");
        if (!Files.exists(fixture)) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            PublishedLots.Lot lot = PublishedLots.publish(context.getBean(AccountManagement.class),
                    context.getBean(OpeningKeys.class), context.getBean(ProjectSetup.class), false,
                    now.plusSeconds(60), now.plus(java.time.Duration.ofDays(25)),
                    now.plus(java.time.Duration.ofDays(25)).plusSeconds(1800));
            MemberSetup members = context.getBean(MemberSetup.class);
            MemberFixtures.Approved bidder = MemberFixtures.approved(members, Role.BIDDER);
            members.bindCertificate(bidder.memberId(), Files.readString(dataDir.resolve("bidder.pem")), null);
            context.getBean(org.sunbid.deposit.DepositManagement.class).confirmReceipt(lot.staff(),
                    org.sunbid.platform.id.ProjectId.of(lot.project()), org.sunbid.platform.id.LotId.of(lot.lot()),
                    org.sunbid.platform.id.MemberId.of(bidder.memberId()));
            Properties p = new Properties();
            p.setProperty("project", lot.project().toString());
            p.setProperty("lot", lot.lot().toString());
            p.setProperty("username", bidder.username());
            p.setProperty("password", MemberFixtures.PASSWORD);
            Path temporary = dataDir.resolve("fixture.properties.tmp");
            try (var out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                p.store(out, "completion crash trial");
            }
            Files.move(temporary, fixture, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        System.out.println("READY");
        System.out.flush();
    }
}
