package org.sunbid.platform;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code sunbid.*}.
 *
 * @param dataDir    where the embedded database, blobs, search index and keys live
 * @param database   the embedded PostgreSQL settings (ignored when {@code spring.datasource.url} is set)
 * @param keys       the platform keystore
 * @param admin      the first administrator, created at start if absent
 * @param demo       whether to seed demo data
 */
@ConfigurationProperties("sunbid")
public record PlatformProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Database database,
        @DefaultValue Keys keys,
        @DefaultValue Admin admin,
        @DefaultValue("false") boolean demo) {

    /** The passphrase published in the README: anyone can read it, so it protects nothing outside demo mode. */
    public static final String PUBLISHED_PASSPHRASE = "change-me-sunbid";

    public PlatformProperties {
        if (!demo && keys != null && keys.publishedPassphrase()) {
            throw new IllegalArgumentException("""
                    sunbid.keys.passphrase is the published default "%s" (or blank), which would let anyone \
                    holding a copy of the data directory read the platform's keys and forge its tokens. Set your own \
                    passphrase: --sunbid.keys.passphrase=... or the environment variable SUNBID_KEYS_PASSPHRASE \
                    (or start with --sunbid.demo=true for a throw-away demo).""".formatted(PUBLISHED_PASSPHRASE));
        }
    }

    /** @param ephemeral start a throw-away database in a temporary folder (tests) */
    public record Database(@DefaultValue("false") boolean ephemeral, @DefaultValue("0") int port) {
    }

    /**
     * @param keystore   PKCS#12 file with the platform keys; generated at first start when absent
     * @param passphrase protects the keystore
     * @param caDir      folder of PKCS#12 files for the root, document signer and TSA; created when absent
     * @param trustedCas PEM files of the CAs that issue members' certificates (the demo CA is added in demo mode)
     */
    public record Keys(Path keystore, @DefaultValue(PUBLISHED_PASSPHRASE) String passphrase, Path caDir,
            @DefaultValue List<Path> trustedCas) {

        /** Whether the passphrase is the README's (or blank): fine for a demo, refused otherwise. */
        public boolean publishedPassphrase() {
            return passphrase == null || passphrase.isBlank() || PUBLISHED_PASSPHRASE.equals(passphrase);
        }
    }

    /** The first administrator account. */
    public record Admin(@DefaultValue("admin") String username, @DefaultValue("Admin@Sunbid2026") String password) {
    }

    /** The folder of the CA, document-signer and TSA PKCS#12 files. */
    public Path caDirectory() {
        return keys.caDir() != null ? keys.caDir() : dataDir.resolve("keys").resolve("ca");
    }

    public Path keystoreFile() {
        return keys.keystore() != null ? keys.keystore() : dataDir.resolve("keys").resolve("platform.p12");
    }
}
