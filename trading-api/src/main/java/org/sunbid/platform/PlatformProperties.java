package org.sunbid.platform;

import java.nio.file.Path;

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

    /** @param ephemeral start a throw-away database in a temporary folder (tests) */
    public record Database(@DefaultValue("false") boolean ephemeral, @DefaultValue("0") int port) {
    }

    /**
     * @param keystore   PKCS#12 file with the platform keys; generated at first start when absent
     * @param passphrase protects the keystore
     * @param caDir      folder of PKCS#12 files for the root, document signer and TSA; a demo CA is created when absent
     */
    public record Keys(Path keystore, @DefaultValue("change-me-sunbid") String passphrase, Path caDir) {
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
