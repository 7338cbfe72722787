package org.sunbid.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, driven by a real headless Chromium through Selenium and Debian's
 * chromedriver. Test methods take a {@link Browser} parameter. Every test ends with a screenshot under
 * {@code target/screenshots/} (suffixed {@code -FAILED} on failure) and fails if the page logged a JavaScript error.
 * Skipped, with a printed reason, where Chromium or chromedriver is not installed ({@code .ci/setup.sh} installs
 * both). All browser test classes share one Spring context: keep this configuration as it is.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TemporaryDataDirectory.class)
@ExtendWith(Browser.Extension.class)
public @interface BrowserTest {
}
