package io.quarkiverse.pipelinedeployment.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The dashboard, Swagger UI and ReDoc in a real browser: headless Chromium from Debian, driven by its chromedriver.
 * Each page must work, log no console error, and load nothing from another host nor fail any request.
 */
@QuarkusTest
public class BrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();

    static ChromeDriver driver;

    @BeforeAll
    static void startBrowser() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("the browser tests need Debian's chromium and chromium-driver (.ci/run installs them)").isTrue();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                "--disable-dev-shm-usage", "--window-size=1280,1300",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    static String url(String path) {
        return "http://localhost:" + RestAssured.port + path;
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
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

    private static void open(String path) {
        // Drop what earlier pages logged
        driver.manage().logs().get(LogType.BROWSER);
        driver.manage().logs().get(LogType.PERFORMANCE);
        driver.get(url(path));
    }

    /**
     * No console error, no request to another host, no failed request.
     */
    private static void assertCleanPage() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        assertThat(errors).as("console errors").isEmpty();
        List<String> local = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message;
            try {
                message = JSON.readTree(entry.getMessage()).get("message");
            } catch (Exception e) {
                continue;
            }
            String method = message.path("method").asText();
            JsonNode params = message.path("params");
            if (method.equals("Network.requestWillBeSent")) {
                String requested = params.path("request").path("url").asText();
                (isLocal(requested) ? local : foreign).add(requested);
            } else if (method.equals("Network.loadingFailed") && !params.path("canceled").asBoolean()) {
                failed.add(params.path("errorText").asText() + " " + params.path("blockedReason").asText(""));
            } else if (method.equals("Network.responseReceived")
                    && params.path("response").path("status").asInt() >= 400) {
                failed.add(params.path("response").path("status").asInt() + " "
                        + params.path("response").path("url").asText());
            }
        }
        assertThat(local).as("the network log saw the page's own requests").isNotEmpty();
        assertThat(foreign).as("requests to other hosts").isEmpty();
        assertThat(failed).as("failed or blocked requests").isEmpty();
    }

    private static boolean isLocal(String requested) {
        if (requested.startsWith("data:") || requested.startsWith("blob:") || requested.startsWith("about:")) {
            return true;
        }
        try {
            return "localhost".equals(URI.create(requested).getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

}
