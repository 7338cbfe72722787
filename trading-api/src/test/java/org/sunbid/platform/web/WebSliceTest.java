package org.sunbid.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ActiveProfiles;
import org.sunbid.platform.internal.PlatformSliceConfiguration;

/**
 * An MVC slice for one controller: MockMvc over the controller with the platform's request handling (problem+json
 * answers, the guards on undeclared parameters, message bundles in zh-CN and English) and no database. Security
 * filters are left out (the full-context tests check who may call what); the controller's services come from the
 * test's own {@code @Import}, built on real parts (an index in a temporary folder, a real CA), never mocks.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@AutoConfigureMockMvc(addFilters = false)
@ActiveProfiles("test")
@Import(WebSliceTest.PlatformWeb.class)
public @interface WebSliceTest {

    /** The controller under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();

    /** The platform's web beans a slice does not pick up by itself (they are components, not web types). */
    @TestConfiguration(proxyBeanMethods = false)
    @Import({ Problems.class, ProblemResponses.class, RoleCheck.class, InjectedParameters.class,
            PlatformSliceConfiguration.class })
    class PlatformWeb {
    }
}
