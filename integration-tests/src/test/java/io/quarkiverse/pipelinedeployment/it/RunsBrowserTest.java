package io.quarkiverse.pipelinedeployment.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The dashboard's runs view in a real browser: start a run, follow its steps and events live, see its result; cancel
 * a running one; filter the list by status.
 */
@QuarkusTest
@TestProfile(RunsProfile.class)
public class RunsBrowserTest extends BrowserTestBase {

    private static void fill(String ticks, String millis) {
        WebElement ticksField = driver.findElement(By.id("param-ticks"));
        WebElement millisField = driver.findElement(By.id("param-millis"));
        ticksField.clear();
        ticksField.sendKeys(ticks);
        millisField.clear();
        millisField.sendKeys(millis);
    }

    @Test
    void aRunIsFollowedLiveToItsResult() throws Exception {
        open("/");
        waiting().until(ExpectedConditions.textToBe(By.id("pipeline-name"), "slow_count"));
        assertThat(driver.findElement(By.id("runs-card")).isDisplayed()).isTrue();
        fill("6", "300");
        driver.findElement(By.id("submit-run-button")).click();

        // While it runs: the status is running and the steps appear one by one
        waiting().until(ExpectedConditions.textToBe(By.id("run-detail-status"), "running"));
        waiting().until(d -> d.findElements(By.cssSelector("#run-steps tbody tr")).size() >= 2);
        assertThat(driver.findElement(By.id("run-detail-status")).getText()).isEqualTo("running");
        assertThat(driver.findElement(By.id("run-cancel")).isDisplayed()).isTrue();

        // Then the result
        waiting().until(ExpectedConditions.textToBe(By.id("run-detail-status"), "completed"));
        assertThat(driver.findElement(By.id("run-result")).getText()).contains("\"output\": 21");
        List<WebElement> steps = driver.findElements(By.cssSelector("#run-steps tbody tr"));
        assertThat(steps).hasSize(6).allSatisfy(row -> assertThat(row.getText()).contains("completed"));
        String events = driver.findElement(By.id("run-events")).getText();
        assertThat(events).contains("#1 run_queued").contains("run_started").contains("progress {\"tick\":6}")
                .contains("run_completed");
        assertThat(driver.findElement(By.id("run-cancel")).isDisplayed()).isFalse();
        Files.write(Path.of("target", "dashboard-runs.png"), driver.getScreenshotAs(OutputType.BYTES));
        assertCleanPage();
    }

    /** The docs' browser client ({@code examples/clients/follow-run.js}), run as written in the page. */
    @Test
    @SuppressWarnings("unchecked")
    void theDocsJavaScriptClientFollowsAndResumes() throws Exception {
        String id = given().contentType("application/json").body("{\"parameters\": {\"ticks\": 3, \"millis\": 100}}")
                .post("/runs").then().statusCode(202).extract().path("run_id");
        String client = Files.readString(Path.of("../docs/modules/ROOT/examples/clients/follow-run.js"));
        open("/");
        driver.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(30));
        String script = client + """
                const done = arguments[arguments.length - 1];
                const seen = [];
                followRun('/runs/' + arguments[0], { lastEventId: arguments[1], onEvent: e => seen.push(e.id + ' ' + e.kind) })
                    .then(last => done({ seen, last: last.kind, error: last.data.error }), e => done({ failed: String(e) }));
                """;
        java.util.Map<String, Object> all = (java.util.Map<String, Object>) driver.executeAsyncScript(script, id, null);
        assertThat(all).doesNotContainKey("failed");
        assertThat((List<String>) all.get("seen")).containsExactly("1 run_queued", "2 run_started",
                "3 step_started", "4 progress", "5 step_completed", "6 step_started", "7 progress", "8 step_completed",
                "9 step_started", "10 progress", "11 step_completed", "12 run_completed");
        assertThat(all.get("last")).isEqualTo("run_completed");

        // Resuming after event 9 gives exactly the events after it
        java.util.Map<String, Object> resumed = (java.util.Map<String, Object>) driver.executeAsyncScript(script, id, 9);
        assertThat((List<String>) resumed.get("seen")).containsExactly("10 progress", "11 step_completed",
                "12 run_completed");
        assertCleanPage();
    }

    @Test
    void aRunningRunIsCancelledAndTheListFiltersByStatus() {
        open("/");
        waiting().until(ExpectedConditions.textToBe(By.id("pipeline-name"), "slow_count"));
        fill("60", "200");
        driver.findElement(By.id("submit-run-button")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("run-detail-status"), "running"));
        String id = driver.findElement(By.id("run-detail-id")).getText();

        driver.findElement(By.id("run-cancel")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("run-detail-status"), "cancelled"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("run-result-error"),
                "Run cancelled"));
        given().get("/runs/" + id).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("cancelled"));

        // The list shows it, and the status filter keeps it or leaves it out
        new Select(driver.findElement(By.id("runs-status"))).selectByValue("cancelled");
        waiting().until(d -> d.findElements(By.cssSelector("#runs-table tbody tr[data-run-id='" + id + "']"))
                .size() == 1);
        assertThat(driver.findElements(By.cssSelector("#runs-table tbody tr")))
                .allSatisfy(row -> assertThat(row.getText()).contains("cancelled"));
        new Select(driver.findElement(By.id("runs-status"))).selectByValue("completed");
        waiting().until(d -> d.findElements(By.cssSelector("#runs-table tbody tr[data-run-id='" + id + "']"))
                .isEmpty());
        assertCleanPage();
    }
}
