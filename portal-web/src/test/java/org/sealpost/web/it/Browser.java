package org.sealpost.web.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by its own ChromeDriver, kept on loopback: every host name
 * but localhost resolves to nothing, a dead proxy catches anything else, and the background
 * services that phone home are off (docs/ARCHITECTURE.md, "Runtime facts").
 */
final class Browser implements AutoCloseable {

    private static final Json JSON = new Json();

    private final ChromeDriver driver;
    private final String base;
    private final Path screenshots;
    private int shot;

    Browser(String baseUrl, String name) throws Exception {
        this(baseUrl, name, false);
    }

    /**
     * A browser that also keeps Chromium's performance log: every request a page makes
     * ({@code Network.requestWillBeSent}), read with {@link #requestedUrls()}.
     */
    static Browser recordingRequests(String baseUrl, String name) throws Exception {
        return new Browser(baseUrl, name, true);
    }

    private Browser(String baseUrl, String name, boolean recordRequests) throws Exception {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.screenshots = Files.createDirectories(Path.of("target", "screenshots", name));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-default-apps",
                "--disable-extensions",
                "--window-size=1280,900",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
                "--proxy-server=http://127.0.0.1:9",
                "--proxy-bypass-list=127.0.0.1;localhost",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        if (recordRequests) {
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.PERFORMANCE, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a path of the portal (the part of a link after the host). */
    Browser open(String pathAndQuery) {
        driver.get(base + pathAndQuery);
        return this;
    }

    Browser type(String id, String text) {
        WebElement field = find(id);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Clicks and waits for the next page to load (every form here posts without AJAX). */
    Browser click(String id) {
        WebElement button = find(id);
        button.click();
        // The old page's button is gone once the new page is there. Chrome reports a node of a
        // replaced document either as stale or as "does not belong to the document": both mean gone.
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            try {
                button.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    /** Clicks where no new page follows (a button that opens a dialog). */
    Browser press(String id) {
        find(id).click();
        return this;
    }

    /** Waits until the element is shown (a dialog opening) and returns it. */
    WebElement visible(String id) {
        By by = id.contains(":") ? By.id(id) : By.cssSelector("[id$='" + id + "']");
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Marks the element with the given client id, so {@link #awaitRenderedAnew} can tell when an
     * AJAX update (a poll) has replaced it.
     */
    Browser mark(String clientId) {
        driver.executeScript("document.getElementById(arguments[0]).dataset.testMark = 'old';", clientId);
        return this;
    }

    /** Waits until the element {@link #mark}ed under this id has been replaced by a new rendering. */
    Browser awaitRenderedAnew(String clientId) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript(
                        "var e = document.getElementById(arguments[0]);"
                                + " return e !== null && e.dataset.testMark === undefined;",
                        clientId));
        return this;
    }

    /** Waits until the PrimeFaces poll with this widgetVar has stopped polling. */
    Browser awaitPollStopped(String widgetVar) {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> Boolean.FALSE.equals(
                        ((JavascriptExecutor) d).executeScript("return PF(arguments[0]).isActive();", widgetVar)));
        return this;
    }

    /** Waits until the page's text contains the given text (after an AJAX update such as paging). */
    Browser awaitText(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> text().contains(text));
        return this;
    }

    /**
     * A phone's screen: 375 x 812 CSS pixels at device scale 3, as a touch device (Chrome
     * DevTools' device emulation, the same as its "iPhone X" preset).
     */
    Browser phone() {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 812, "deviceScaleFactor", 3, "mobile", true));
        return this;
    }

    /** Whether the page is wider than the window, i.e. the reader would have to scroll sideways. */
    boolean scrollsSideways() {
        return (Boolean) driver.executeScript("return document.scrollingElement.scrollWidth > window.innerWidth;");
    }

    /** The page's width and the window's, for a failure message. */
    String widths() {
        return String.valueOf(
                driver.executeScript(
                        "return 'page ' + document.scrollingElement.scrollWidth + ' px, window ' + window.innerWidth + ' px';"));
    }

    /**
     * The URLs of every request the pages made since the last call (only for a browser from
     * {@link #recordingRequests}); reading the log empties it.
     */
    List<String> requestedUrls() {
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            Map<String, Object> message = JSON.toType(entry.getMessage(), Json.MAP_TYPE);
            @SuppressWarnings("unchecked")
            Map<String, Object> inner = (Map<String, Object>) message.get("message");
            if (inner != null && "Network.requestWillBeSent".equals(inner.get("method"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> params = (Map<String, Object>) inner.get("params");
                @SuppressWarnings("unchecked")
                Map<String, Object> request = (Map<String, Object>) params.get("request");
                urls.add(String.valueOf(request.get("url")));
            }
        }
        return urls;
    }

    /**
     * Runs axe-core (the webjar on the test classpath, injected here: nothing comes from the
     * network) on the current page, frames left out (the message body's frame runs no script,
     * by design), and returns the violations of the given impacts as readable lines.
     */
    List<String> accessibilityViolations(Set<String> impacts) throws IOException {
        String resource =
                "META-INF/resources/webjars/axe-core/" + System.getProperty("sealpost.it.axe.version") + "/axe.min.js";
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test classpath: " + resource);
            }
            driver.executeScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Object result = driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {iframes: false, resultTypes: ['violations']}).then(function (r) {
                  done(JSON.stringify(r.violations.map(function (v) {
                    return {id: v.id, impact: v.impact, help: v.help,
                            nodes: v.nodes.map(function (n) { return n.target.join(' '); })};
                  })));
                }, function (e) { done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])); });
                """);
        List<Map<String, Object>> violations = JSON.toType(String.valueOf(result), Json.LIST_OF_MAPS_TYPE);
        return violations.stream()
                .filter(v -> impacts.contains(String.valueOf(v.get("impact"))))
                .map(v -> v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " at " + v.get("nodes"))
                .toList();
    }

    /** The element whose id is, or ends with, the given id (JSF prefixes ids with their form's). */
    WebElement find(String id) {
        By by = id.contains(":") ? By.id(id) : By.cssSelector("[id$='" + id + "']");
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The current page's path below the portal's base address, e.g. {@code /inbox.xhtml}. */
    String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    String sessionCookie() {
        Cookie c = driver.manage().getCookieNamed("JSESSIONID");
        return c == null ? null : c.getValue();
    }

    Cookie cookie(String name) {
        return driver.manage().getCookieNamed(name);
    }

    /** Saves a screenshot under target/screenshots, for a person to look at. */
    Browser screenshot(String what) throws Exception {
        File png = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(
                png.toPath(),
                screenshots.resolve(String.format("%02d-%s.png", ++shot, what)),
                StandardCopyOption.REPLACE_EXISTING);
        return this;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
