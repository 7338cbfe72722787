package org.sunbid.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test application context its own data directory (keys, blobs, index), removed at JVM exit, and the
 * {@link TestCa} as trusted issuer of members' certificates.
 */
public class TemporaryDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getEnvironment().containsProperty("sunbid.data-dir.fixed")) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("sunbid-test-");
            dir.toFile().deleteOnExit();
            // members' certificates: the test CA, and the context's own CA (the demo tender tests issue from it)
            String trusted = TestCa.pemFile() + "," + dir.resolve("keys").resolve("ca").resolve("root-ca.pem");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("temporaryDataDirectory",
                    Map.of("sunbid.data-dir", dir.toString(), "sunbid.keys.trusted-cas", trusted)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
