package org.sunbid.supervision;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.sunbid.SunbidApplication;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.platform.id.MemberId;

/**
 * The whole platform in a JVM of its own, for {@link SupervisionCrashTests} to kill with {@code kill -9} while requests
 * commit acts. Arguments are Spring Boot's. At its first start it makes a tenderee and a regulator account and writes
 * their names to {@code <data-dir>/fixture.properties}; then prints {@code READY}.
 */
public final class SupervisionCrashNode {

    static final String PASSWORD = "Crash-trial-2026!";

    private SupervisionCrashNode() {
    }

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext context = SpringApplication.run(SunbidApplication.class, args);
        Path dataDir = context.getBean(PlatformProperties.class).dataDir();
        Path fixture = dataDir.resolve("fixture.properties");
        if (!Files.exists(fixture)) {
            AccountManagement accounts = context.getBean(AccountManagement.class);
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            accounts.createMemberAccount("tenderee-" + suffix, PASSWORD, Role.TENDEREE, MemberId.of(UUID.randomUUID()), "断电测试招标人");
            accounts.createPlatformAccount("regulator-" + suffix, PASSWORD, Role.REGULATOR, "断电测试监管", null);
            Properties p = new Properties();
            p.setProperty("tenderee", "tenderee-" + suffix);
            p.setProperty("regulator", "regulator-" + suffix);
            Path temporary = dataDir.resolve("fixture.properties.tmp");
            try (var out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                p.store(out, "supervision crash trial");
            }
            Files.move(temporary, fixture, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        System.out.println("READY");
        System.out.flush();
    }
}
