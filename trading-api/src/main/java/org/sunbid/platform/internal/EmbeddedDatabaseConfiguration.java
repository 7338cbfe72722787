package org.sunbid.platform.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;
import org.sunbid.platform.PlatformProperties;

/**
 * Starts a real PostgreSQL from the zonky binaries when no {@code spring.datasource.url} is configured.
 * Its data directory persists under {@code sunbid.data-dir}/pg, so a restart keeps everything. It listens on
 * 127.0.0.1 only and lets nobody in without the superuser password generated at first start
 * ({@code <data-dir>/database.password}, mode 0600).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /** Where the superuser's password lives: in the data directory, readable by the platform's owner only. */
    static final String PASSWORD_FILE = "database.password";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(PlatformProperties properties) throws IOException {
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        Path passwordFile = dataDir.resolve(PASSWORD_FILE);
        String password = DatabasePassword.loadOrCreate(passwordFile);
        // initdb sets the password and password-only authentication (zonky's own "-A trust" comes first, ours wins);
        // the server listens on the loopback address only.
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", passwordFile.toString())
                .setConnectConfig("password", password)
                .setServerConfig("listen_addresses", LOOPBACK)
                .setServerConfig("max_connections", "200")
                .setPGStartupWait(Duration.ofSeconds(60));
        if (properties.database().port() > 0) {
            builder.setPort(properties.database().port());
        }
        Path pgDir = dataDir.resolve("pg");
        boolean existedWithoutPassword = false;
        if (!properties.database().ephemeral()) {
            Files.createDirectories(pgDir);
            stopOrphanedPostmaster(pgDir);
            existedWithoutPassword = DatabasePassword.trusts(pgDir);
            // zonky starts PostgreSQL with -F and synchronous_commit=off for speed; a platform that promises never
            // to lose an accepted bid needs both back on (later -c options override the earlier flags).
            builder.setDataDirectory(pgDir).setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
            log.info("Embedded PostgreSQL data directory: {}", pgDir);
        }
        EmbeddedPostgres postgres = builder.start();
        if (existedWithoutPassword) {
            DatabasePassword.requireOnExisting(pgDir, jdbcUrl(postgres), password);
            log.warn("Embedded PostgreSQL of an earlier version let local users in without a password: it now requires "
                    + "the one in {}", passwordFile);
        }
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, PlatformProperties properties,
            @Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize,
            @Value("${spring.datasource.hikari.connection-timeout:30000}") long connectionTimeoutMillis) throws IOException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl(postgres));
        config.setUsername(DatabasePassword.SUPERUSER);
        config.setPassword(DatabasePassword.loadOrCreate(
                properties.dataDir().toAbsolutePath().normalize().resolve(PASSWORD_FILE)));
        // the same settings as an external database's pool (tests size it down to show no thread needs two)
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(connectionTimeoutMillis);
        config.setPoolName("sunbid-embedded");
        return new HikariDataSource(config);
    }

    private static final String LOOPBACK = "127.0.0.1";

    static String jdbcUrl(EmbeddedPostgres postgres) {
        return "jdbc:postgresql://" + LOOPBACK + ":" + postgres.getPort() + "/postgres";
    }

    /**
     * After a {@code kill -9} of the JVM the embedded postmaster outlives it and holds the data directory:
     * ask it to shut down (SIGINT, fast shutdown) and wait for it before starting our own.
     */
    static void stopOrphanedPostmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream()
                .findFirst().map(String::trim).filter(s -> s.matches("\\d+")).map(Long::parseLong)
                .flatMap(ProcessHandle::of)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (postmaster.isEmpty()) {
            return;
        }
        ProcessHandle process = postmaster.get();
        log.warn("Stopping orphaned embedded PostgreSQL (pid {}) left by an earlier run", process.pid());
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
            process.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // the check below decides
        }
        if (process.isAlive()) {
            throw new IllegalStateException("PostgreSQL pid " + process.pid() + " still holds " + dataDir);
        }
    }

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
