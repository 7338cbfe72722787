package org.sunbid.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sunbid.support.Browser;
import org.sunbid.support.BrowserTest;

/** The portal's frame in a real headless Chromium: signing in shows the role's navigation. (Search: PublicBrowserIntegrationTests.) */
@BrowserTest
class PortalBrowserIntegrationTests {

    @Test
    void aStaffMemberSignsInAndSeesTheStaffNavigationThenSignsOut(Browser browser) {
        browser.open("/login.html");
        browser.type("#username", "admin").type("#password", "wrong-password-1");
        browser.click("#login button[type=submit]");
        assertThat(browser.await(".field-error, #login-status .error").getText()).isNotBlank();

        browser.signIn("admin", "Admin@Sunbid2026");
        assertThat(browser.find("header nav").getText()).contains("会员审核");
        browser.click("#sign-out");
        browser.until(d -> !d.findElements(org.openqa.selenium.By.cssSelector("header nav a[href='/login.html']")).isEmpty());
        assertThat(browser.script("return sessionStorage.getItem('sunbid.session')")).isNull();
    }
}
