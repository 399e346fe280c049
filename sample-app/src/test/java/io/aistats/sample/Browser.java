package io.aistats.sample;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium driven by its own chromedriver: both paths are given explicitly, so Selenium Manager never
 * looks for (or downloads) a browser or driver.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriverService service;

    private final ChromeDriver driver;

    private Browser(ChromeDriverService service, ChromeDriver driver) {
        this.service = service;
        this.driver = driver;
    }

    /**
     * Skips the calling test when Chromium is not installed.
     */
    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + ")");
    }

    /**
     * @param profile a fresh, empty directory for the browser's profile
     * @return the started browser
     */
    static Browser start(Path profile) {
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1100,1300");
        try {
            return new Browser(service, new ChromeDriver(service, options));
        }
        catch (RuntimeException ex) {
            service.stop();
            throw ex;
        }
    }

    WebDriver driver() {
        return this.driver;
    }

    /**
     * @param timeout how long a wait may take
     * @return an explicit wait
     */
    WebDriverWait waiting(Duration timeout) {
        return new WebDriverWait(this.driver, timeout, Duration.ofMillis(100));
    }

    /**
     * Opens the page and waits until it loaded its data and listens for job updates.
     * @param url the page
     */
    void open(String url) {
        this.driver.get(url);
        waiting(Duration.ofSeconds(20)).until(attribute(By.tagName("body"), "data-ready", "true"));
        waiting(Duration.ofSeconds(20)).until(attribute(By.tagName("body"), "data-live", "true"));
    }

    /**
     * Clicks "Generate" and waits for the page to show the job it created with its prompt. The simulator may hold jobs
     * of other tests, which the page lists too: the new job is one that was not listed before.
     * @return the new job's card
     */
    WebElement generate() {
        String prompt = find(By.id("prompt")).getDomProperty("value");
        Set<String> listed = this.driver.findElements(By.cssSelector("#jobs li.job"))
            .stream()
            .map((element) -> element.getDomAttribute("data-job-id"))
            .collect(Collectors.toSet());
        find(By.id("generate")).click();
        return waiting(Duration.ofSeconds(10)).until((driver) -> driver.findElements(By.cssSelector("#jobs li.job"))
            .stream()
            .filter((card) -> !listed.contains(card.getDomAttribute("data-job-id")))
            .filter((card) -> card.findElement(By.className("prompt")).getText().equals(prompt))
            .findFirst()
            .orElse(null));
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
    }

    WebElement find(By by) {
        return this.driver.findElement(by);
    }

    /**
     * Saves a screenshot of the page under the build directory ({@code sample.build-directory}, set by the build).
     * @param name the file name without extension
     * @return the file
     */
    Path screenshot(String name) {
        Path directory = Path.of(System.getProperty("sample.build-directory", "target"), "screenshots");
        Path target = directory.resolve(name + ".png");
        File taken = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.createDirectories(directory);
            Files.copy(taken.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return target;
    }

    static ExpectedCondition<Boolean> attribute(By by, String name, String value) {
        return (driver) -> value.equals(driver.findElement(by).getDomAttribute(name));
    }

    @Override
    public void close() {
        try {
            this.driver.quit();
        }
        finally {
            this.service.stop();
        }
    }
}
