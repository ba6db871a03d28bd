package io.quarkiverse.pipelinedeployment.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The dashboard, Swagger UI and ReDoc in a real browser. Each page must work, log no console error, and load
 * nothing from another host nor fail any request.
 */
@QuarkusTest
public class BrowserTest extends BrowserTestBase {

    @Test
    void pagesAreServedUnderTheDefaultContentSecurityPolicy() {
        for (String page : new String[] { "/", "/docs", "/redoc" }) {
            io.restassured.RestAssured.given().get(page).then().statusCode(200)
                    .header("Content-Security-Policy", org.hamcrest.Matchers.startsWith("default-src 'none'; "
                            + "script-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:;"));
        }
    }

    @Test
    void dashboardInvokesThePipeline() throws Exception {
        open("/");
        waiting().until(ExpectedConditions.textToBe(By.id("pipeline-name"), "fraud_scoring"));
        waiting().until(ExpectedConditions.textToBe(By.id("health-badge"), "UP"));
        assertThat(driver.findElement(By.id("app-title")).getText()).isEqualTo("Fraud Scoring Service");

        // The form is generated from the input schema: features (a JSON list) and threshold (default 0.5)
        WebElement features = driver.findElement(By.id("param-features"));
        WebElement threshold = driver.findElement(By.id("param-threshold"));
        assertThat(threshold.getAttribute("value")).isEqualTo("0.5");
        features.sendKeys("[0.1, 0.2, 0.7]");
        threshold.clear();
        threshold.sendKeys("0.7");
        driver.findElement(By.id("invoke-button")).click();

        waiting().until(ExpectedConditions.textToBe(By.id("result-badge"), "success"));
        String outputs = driver.findElement(By.id("result-outputs")).getText();
        assertThat(outputs).contains("\"flagged\": true").contains("\"score\": 0.7556");
        List<WebElement> steps = driver.findElements(By.cssSelector("#result-steps tbody tr"));
        assertThat(steps).extracting(row -> row.findElement(By.tagName("td")).getText())
                .containsExactly("normalize", "score");
        assertThat(driver.findElements(By.cssSelector("#history tbody tr"))).hasSize(1);
        Files.write(Path.of("target", "dashboard.png"), driver.getScreenshotAs(OutputType.BYTES));

        // A failing run shows the error
        features.clear();
        features.sendKeys("[]");
        driver.findElement(By.id("invoke-button")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("result-badge"), "failure"));
        assertThat(driver.findElement(By.id("result-error")).getText()).contains("features must not be empty");
        assertThat(driver.findElements(By.cssSelector("#history tbody tr"))).hasSize(2);
        assertCleanPage();
    }

    @Test
    void swaggerUiRendersTheInvokeOperation() {
        open("/docs");
        waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".opblock-post [data-path='/invoke']")));
        assertThat(driver.findElement(By.cssSelector(".info .title")).getText()).contains("Fraud Scoring Service");
        assertThat(driver.findElements(By.cssSelector(".opblock-get [data-path='/info']"))).hasSize(1);
        assertCleanPage();
    }

    @Test
    void redocRendersTheInvokeOperation() {
        open("/redoc");
        waiting().until(d -> String.valueOf(((ChromeDriver) d).executeScript("return document.body.innerText"))
                .contains("Invoke the fraud_scoring pipeline"));
        String text = String.valueOf(driver.executeScript("return document.body.innerText"));
        assertThat(text).contains("Fraud Scoring Service").contains("/invoke");
        assertCleanPage();
    }
}
