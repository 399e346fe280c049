package io.aistats.sample;

import io.aistats.test.AutoConfigureAiStatsSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page in real headless Chromium, end to end: the form creates a job on the gateway simulator (real-time clock:
 * 1 s queued, 3 s processing), the simulator's signed webhook deliveries reach the application, the page's progress
 * bar follows the server-sent events to completion, and the H.264 video plays in the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureAiStatsSimulator
@ExtendWith(BrowserExtension.class)
class BrowserEndToEndTests {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    private int port;

    private Browser browser;

    @BeforeEach
    void useBrowser(Browser browser) {
        this.browser = browser;
    }

    @Test
    void generatesAVideoFollowsItsProgressAndPlaysIt() {
        this.browser.open("http://127.0.0.1:" + this.port + "/");
        assertThat(this.browser.find(By.id("info")).getText()).contains("simulator").contains("webhook");
        Select model = new Select(this.browser.find(By.id("model")));
        assertThat(model.getOptions()).extracting(WebElement::getText).contains("Sora 2", "Veo 3.1 Lite");
        model.selectByValue("openai/sora-2");
        new Select(this.browser.find(By.id("duration"))).selectByValue("4");
        new Select(this.browser.find(By.id("aspectRatio"))).selectByValue("16:9");
        this.browser.find(By.id("prompt")).sendKeys("a calm ocean at dusk");

        WebElement job = this.browser.generate();

        String videoId = job.getDomAttribute("data-job-id");
        assertThat(videoId).startsWith("G-");
        assertThat(job.findElement(By.className("prompt")).getText()).isEqualTo("a calm ocean at dusk");
        By card = By.cssSelector("li.job[data-job-id='" + videoId + "']");
        this.browser.waiting(JOB_TIMEOUT).until(Browser.attribute(card, "data-status", "completed"));
        By progress = By.cssSelector("li.job[data-job-id='" + videoId + "'] .progress");
        this.browser.waiting(Duration.ofSeconds(5)).until(Browser.attribute(progress, "aria-valuenow", "100"));
        assertThat(job.findElement(By.className("status")).getText()).isEqualTo("completed");

        WebElement video = this.browser.waiting(Duration.ofSeconds(5))
            .until(ExpectedConditions.presenceOfNestedElementLocatedBy(card, By.tagName("video")));
        this.browser.waiting(Duration.ofSeconds(20)).until((driver) -> (Boolean) this.browser.script(
                "return arguments[0].readyState >= 2 && arguments[0].duration > 0", video));
        // Chromium decodes the H.264 video: playing it moves its clock
        this.browser.script("arguments[0].play()", video);
        this.browser.waiting(Duration.ofSeconds(20)).until((driver) -> (Boolean) this.browser.script(
                "return arguments[0].currentTime > 0.5", video));
        this.browser.script("arguments[0].pause()", video);
        assertThat(this.browser.script("return arguments[0].error", video)).isNull();
        assertThat(((Number) this.browser.script("return arguments[0].videoWidth", video)).intValue()).isPositive();
        assertThat(job.findElement(By.className("download")).isDisplayed()).isTrue();
        assertThat(job.findElement(By.className("cancel")).isDisplayed()).isFalse();

        Path screenshot = this.browser.screenshot("sample-page");
        assertThat(screenshot).isNotEmptyFile();
        assertThat(Files.exists(screenshot)).isTrue();
    }
}
