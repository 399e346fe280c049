package io.aistats.sample;

import io.aistats.test.AutoConfigureAiStatsSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page shows refusals plainly, in real headless Chromium: the client's validation error next to its field, and
 * the gateway's refusals to cancel (501) and to delete a running job (validation error). The simulator's clock stands
 * still, so the job stays queued for as long as the test needs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sample.events.max-subscribers=2")
@AutoConfigureAiStatsSimulator(manualClock = true)
@ExtendWith(BrowserExtension.class)
class BrowserRefusalTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    private int port;

    private Browser browser;

    @BeforeEach
    void useBrowser(Browser browser) {
        this.browser = browser;
        browser.open("http://127.0.0.1:" + this.port + "/");
    }

    @Test
    void aMissingPromptIsShownAtItsField() {
        int jobs = this.browser.find(By.id("jobs")).findElements(By.tagName("li")).size();

        this.browser.find(By.id("generate")).click();

        WebElement problem = this.browser.waiting(WAIT)
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("form-error")));
        assertThat(problem.getDomAttribute("data-kind")).isEqualTo("client_validation");
        assertThat(problem.getText()).contains("Invalid request")
            .contains("prompt is required")
            .contains("field: prompt");
        assertThat(this.browser.find(By.id("prompt")).getDomAttribute("class")).contains("invalid");
        assertThat(this.browser.find(By.id("jobs")).findElements(By.tagName("li"))).hasSize(jobs);
    }

    @Test
    void theGatewaysRefusalsToCancelAndToDeleteARunningJobAreShownOnTheJob() {
        this.browser.find(By.id("prompt")).sendKeys("a job that stays queued");
        WebElement job = this.browser.generate();
        assertThat(job.getDomAttribute("data-status")).isEqualTo("queued");
        WebElement problem = job.findElement(By.className("problem"));

        job.findElement(By.className("cancel")).click();

        this.browser.waiting(WAIT).until(ExpectedConditions.visibilityOf(problem));
        assertThat(problem.getDomAttribute("data-kind")).isEqualTo("cancel_unsupported");
        assertThat(problem.getText()).contains("The gateway does not cancel video jobs")
            .contains("HTTP 501")
            .contains("reason: video_cancellation_disabled");

        job.findElement(By.className("delete")).click();

        this.browser.waiting(WAIT).until((driver) -> "gateway_validation".equals(problem.getDomAttribute("data-kind")));
        assertThat(problem.getText()).contains("The gateway refused the request")
            .contains("HTTP 400")
            .contains("reason: video_delete_requires_terminal_status");
        assertThat(job.isDisplayed()).isTrue();
        this.browser.screenshot("sample-page-refusals");
    }
}
