package org.sealpost.web.it;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by its own ChromeDriver, kept on loopback: every host name
 * but localhost resolves to nothing, a dead proxy catches anything else, and the background
 * services that phone home are off (RUNTIME-NOTES).
 */
final class Browser implements AutoCloseable {

    private final ChromeDriver driver;
    private final String base;
    private final Path screenshots;
    private int shot;

    Browser(String baseUrl, String name) throws Exception {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.screenshots = Files.createDirectories(Path.of("target", "screenshots", name));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--window-size=1280,900",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
                "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=127.0.0.1;localhost",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
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
        Files.copy(png.toPath(), screenshots.resolve(String.format("%02d-%s.png", ++shot, what)),
                StandardCopyOption.REPLACE_EXISTING);
        return this;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
