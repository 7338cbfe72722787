package org.sunbid.member;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;
import org.sunbid.support.PlatformTest;

/**
 * The whole application with demo data seeded and a clock tests can move. One shared context for every class that
 * carries it (the certificate login tests need the clock; the demo tests need the seeding).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@PlatformTest
@TestPropertySource(properties = { "sunbid.demo=true", "sunbid.demo.tender.enabled=false" })
@interface DemoContextTest {
}
