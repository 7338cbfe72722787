package org.sunbid.support;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A real headless Chromium pointed at the application under test (see {@link BrowserTest}).
 */
public final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;
    private final List<String> consoleErrors = new ArrayList<>();
    private boolean allowConsoleErrors;

    private Browser(String base) throws IOException {
        this.base = base;
        this.profile = Files.createTempDirectory("sunbid-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--lang=zh-CN", "--window-size=1280,1000", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    /** The Selenium driver, for anything this class does not wrap. */
    public WebDriver driver() {
        return driver;
    }

    /** http://127.0.0.1:port of the application. */
    public String base() {
        return base;
    }

    /** Opens a path of the application (e.g. "/search.html?q=x"). */
    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits (up to 30 s) until an element matching css is visible and returns it. */
    public WebElement await(String css) {
        return until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Waits (up to 30 s) until the element's text contains text. */
    public WebElement awaitText(String css, String text) {
        until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return find(css);
    }

    public <T> T until(Function<WebDriver, T> condition) {
        return until(condition, Duration.ofSeconds(30));
    }

    public <T> T until(Function<WebDriver, T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100)).until(condition::apply);
    }

    /** Types into the element matching css after clearing it. */
    public Browser type(String css, String text) {
        WebElement element = await(css);
        element.clear();
        element.sendKeys(text);
        return this;
    }

    public Browser click(String css) {
        until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
        return this;
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Signs in through the login page and lands on the home page. */
    public Browser signIn(String username, String password) {
        return signIn(username, password, "/");
    }

    /** Signs in through the login page with ?next=path and waits until that page has drawn its header. */
    public Browser signIn(String username, String password, String path) {
        open("/login.html?next=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8));
        type("#username", username);
        type("#password", password);
        click("#login button[type=submit]");
        until(d -> !d.getCurrentUrl().contains("/login.html"));
        // the header is drawn before its message bundles arrive: wait until it is translated (by its text content: on a
        // phone-sized window the navigation is folded behind the menu button)
        until(d -> Boolean.TRUE.equals(script(
                "const out = document.getElementById('sign-out'); return !!out && out.textContent.trim().length > 0")));
        return this;
    }

    /** Saves a screenshot as target/screenshots/name.png and returns its path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For a test that provokes an error on purpose: JavaScript errors no longer fail it. */
    public void allowConsoleErrors() {
        allowConsoleErrors = true;
    }

    /**
     * JavaScript errors and console.error lines logged so far. Failed network requests (an API answering 4xx on
     * purpose) are not JavaScript errors and are left out.
     */
    public List<String> consoleErrors() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            String message = entry.getMessage();
            boolean network = message.contains("Failed to load resource");
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !network) {
                consoleErrors.add(message);
            }
        }
        return List.copyOf(consoleErrors);
    }

    void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }

    /** Gives test methods a Browser, and after each test saves a screenshot and checks the console. */
    public static final class Extension implements ParameterResolver, AfterEachCallback {

        private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(Browser.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Browser.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
            RealComponents.require(installed, context.getDisplayName()
                    + ": Chromium or chromedriver missing (apt-get install chromium chromium-driver)");
            String port = SpringExtension.getApplicationContext(context).getEnvironment()
                    .getProperty("local.server.port");
            try {
                Browser browser = new Browser("http://127.0.0.1:" + port);
                context.getStore(NS).put("browser", browser);
                return browser;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void afterEach(ExtensionContext context) {
            Browser browser = context.getStore(NS).remove("browser", Browser.class);
            if (browser == null) {
                return;
            }
            try {
                String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
                boolean failed = context.getExecutionException().isPresent();
                browser.screenshot(failed ? name + "-FAILED" : name);
                List<String> errors = browser.consoleErrors();
                if (!failed && !browser.allowConsoleErrors && !errors.isEmpty()) {
                    throw new AssertionError("the page logged JavaScript errors: " + errors);
                }
            } finally {
                browser.close();
            }
        }
    }
}
