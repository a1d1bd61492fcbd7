package io.tally.system;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import io.tally.support.security.Role;

/**
 * Headless Chromium driven by Selenium, the way a user meets the dashboard: Debian's {@code chromium} and
 * {@code chromium-driver} (or the binaries named by {@code TALLY_CHROMIUM} and {@code TALLY_CHROMEDRIVER}), named
 * explicitly so Selenium never downloads a browser or driver. Screenshots go to {@code system-tests/target/screenshots}.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = SharedSuite.root().resolve("system-tests/target/screenshots");
    static final Path DOWNLOADS = SharedSuite.root().resolve("system-tests/target/downloads");
    static final Dimension LAPTOP = new Dimension(1366, 900);
    static final Dimension TABLET = new Dimension(820, 1180);

    private static final Duration WAIT = Duration.ofSeconds(30);

    final ChromeDriver driver;
    private final String gateway;

    Browser(String gatewayUrl) {
        this.gateway = gatewayUrl;
        File chromedriver = binary("TALLY_CHROMEDRIVER", "/usr/bin/chromedriver");
        File chromium = binary("TALLY_CHROMIUM", "/usr/bin/chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        try {
            Files.createDirectories(DOWNLOADS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(),
                "download.prompt_for_download", false));
        // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=en-GB", "--window-size=" + LAPTOP.width + "," + LAPTOP.height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
    }

    private static File binary(String variable, String fallback) {
        String configured = System.getenv(variable);
        File file = new File(configured == null || configured.isBlank() ? fallback : configured);
        if (!file.canExecute()) {
            throw new IllegalStateException(file + " is missing: the browser tests need Debian's chromium and "
                    + "chromium-driver (apt-get install chromium chromium-driver), or " + variable
                    + " naming the binary");
        }
        return file;
    }

    /** Signs in through the dashboard's sign-in button and the identity provider's page, as {@code role}. */
    void signIn(Role role) {
        driver.manage().deleteAllCookies();
        driver.get(gateway + "/");
        driver.executeScript("window.sessionStorage.clear()");
        driver.navigate().refresh();
        click(By.id("sign-in"));
        click(By.cssSelector("button[name='role'][value='" + role.claim() + "']"));
        waitFor(By.cssSelector("#who [data-roles]"));
    }

    /** Opens a page of the dashboard ({@code #/overview?programme=…}) and waits until it has drawn. */
    void open(String fragment) {
        String page = fragment.replaceFirst("^#?/?", "").split("\\?")[0];
        driver.get(gateway + "/#/" + fragment.replaceFirst("^#?/?", ""));
        driver.navigate().refresh();
        new WebDriverWait(driver, WAIT).until(d -> page.equals(d.findElement(By.id("main")).getAttribute("data-page")));
        recordLoadTime(page);
    }

    /**
     * Appends how long the page took, from the start of loading the address (HTML, scripts, sign-in settings, the API
     * calls, drawing), to {@code target/screenshots/load-times.txt}: BENCHMARKS.md, "Dashboard".
     */
    private void recordLoadTime(String page) {
        String sinceNavigation = driver.findElement(By.id("main")).getAttribute("data-since-navigation-ms");
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.writeString(SCREENSHOTS.resolve("load-times.txt"), page + " " + sinceNavigation + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Types into a form field, replacing what it held. */
    void fill(By field, String text) {
        WebElement element = waitFor(field);
        element.clear();
        element.sendKeys(text);
    }

    /** A file the browser downloaded, once it is complete. */
    Path downloaded(String name) {
        Path file = DOWNLOADS.resolve(name);
        new WebDriverWait(driver, WAIT).until(d -> Files.isRegularFile(file)
                && !Files.exists(DOWNLOADS.resolve(name + ".crdownload")));
        return file;
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Clicks the element once it can be clicked, finding it again if the page redrew it meanwhile. */
    void click(By by) {
        new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
            ExpectedConditions.elementToBeClickable(by).apply(d).click();
            return true;
        });
    }

    /** The raw value a key figure shows ({@code data-value} of {@code [data-kpi=key]}). */
    String kpi(String key) {
        List<WebElement> found = driver.findElements(By.cssSelector("[data-kpi='" + key + "']"));
        if (found.isEmpty()) {
            throw new AssertionError("no key figure " + key + " on the page; it says: " + alerts());
        }
        return found.get(0).getAttribute("data-value");
    }

    /** The error messages the page shows (its {@code role=alert} boxes), for failure messages. */
    String alerts() {
        return driver.findElements(By.cssSelector("[role='alert']")).stream().map(WebElement::getText)
                .collect(Collectors.joining(" | "));
    }

    /** Writes a screenshot of the whole page (the window made as tall as the page) as {@code <name>.png}. */
    Path screenshot(String name) {
        Dimension window = driver.manage().window().getSize();
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
        try {
            Files.createDirectories(SCREENSHOTS);
            driver.manage().window().setSize(new Dimension(window.width, (int) Math.max(window.height, height + 120)));
            driver.executeScript("window.scrollTo(0, 0)");
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** axe-core's serious and critical violations of WCAG 2.1 A and AA on the current page, one line each. */
    List<String> seriousAccessibilityViolations() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        return results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(Browser::describe).collect(Collectors.toList());
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
