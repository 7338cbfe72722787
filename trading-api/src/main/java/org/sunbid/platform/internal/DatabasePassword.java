package org.sunbid.platform.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

/** The embedded PostgreSQL's superuser password: generated once, kept owner-readable only, never logged. */
final class DatabasePassword {

    static final String SUPERUSER = "postgres";

    private DatabasePassword() {
    }

    /** Reads the password file, creating it (mode 0600, 256 random bits) if absent. */
    static String loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            String password = HexFormat.of().formatHex(secret);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, password + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            } catch (FileAlreadyExistsException raced) {
                // another start created it first: use theirs
            }
        }
        String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (password.isEmpty()) {
            throw new IllegalStateException("the embedded database password file " + file + " is empty");
        }
        return password;
    }

    /** Whether a data directory made by an earlier version still lets local users in without a password. */
    static boolean trusts(Path pgDir) throws IOException {
        Path hba = pgDir.resolve("pg_hba.conf");
        return Files.exists(hba) && Files.readAllLines(hba).stream().map(String::strip)
                .anyMatch(line -> !line.startsWith("#") && line.matches(".*\\btrust$"));
    }

    /** Sets the password on a running trust-mode cluster, then switches it to password-only authentication. */
    static void requireOnExisting(Path pgDir, String jdbcUrl, String password) throws IOException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, SUPERUSER, ""); Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            s.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "'");
            Files.write(pgDir.resolve("pg_hba.conf"), List.of(
                    "# written by Sunbid: password-only, loopback only",
                    "local all all scram-sha-256",
                    "host all all 127.0.0.1/32 scram-sha-256",
                    "host all all ::1/128 scram-sha-256"));
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the embedded database password: " + e.getMessage(), e);
        }
    }
}
