package org.sunbid.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a suite does when its real component (Elasticsearch, Chromium) is missing: on a developer machine it is
 * skipped and says why; on CI ({@code CI=true}) the build fails, so a green CI always means the suite ran.
 */
public final class RealComponents {

    private RealComponents() {
    }

    /** Skips (developer machine) or fails (CI) the calling test unless {@code available}. */
    public static void require(boolean available, String missing) {
        if (available) {
            return;
        }
        if (onCi()) {
            Assertions.fail(missing + " — on CI (CI=true) a suite whose real component cannot start fails the build");
        }
        System.out.println("SKIPPED: " + missing);
        Assumptions.assumeTrue(false, missing);
    }

    static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
