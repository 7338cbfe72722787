package org.sunbid.signing.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.sunbid.signing.keys.DemoCa;

/** A demo CA made once per test JVM (key generation is the slow part), under a temp folder. */
public final class Fixtures {

    public static final char[] PASSWORD = "demo-password".toCharArray();
    private static DemoCa ca;
    private static DemoCa otherCa;

    private Fixtures() {
    }

    public static synchronized DemoCa demoCa() {
        if (ca == null) {
            ca = DemoCa.loadOrCreate(tempDir("demo-ca"), PASSWORD);
        }
        return ca;
    }

    /** An unrelated CA whose certificates must not be trusted by {@link #demoCa()}'s root. */
    public static synchronized DemoCa otherCa() {
        if (otherCa == null) {
            otherCa = DemoCa.loadOrCreate(tempDir("other-ca"), PASSWORD);
        }
        return otherCa;
    }

    private static Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            dir.toFile().deleteOnExit();
            return dir;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
