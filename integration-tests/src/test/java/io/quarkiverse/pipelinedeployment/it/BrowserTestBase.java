package io.quarkiverse.pipelinedeployment.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;

/**
 * Headless Chromium from {@code PATH}, driven by its chromedriver, for the browser tests; and the checks every page must
 * pass: no console error, nothing loaded from another host, no failed request.
 */
@RealClient({ RealClient.Tool.CHROMIUM, RealClient.Tool.CHROMEDRIVER })
abstract class BrowserTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ChromeDriver driver;

    @BeforeAll
    static void startBrowser() throws Exception {
        Path chromedriver = RealClient.Tool.CHROMEDRIVER.path();
        System.setProperty("webdriver.chrome.driver", chromedriver.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(RealClient.Tool.CHROMIUM.path().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                "--disable-dev-shm-usage", "--window-size=1280,1300",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
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

    static WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    static void open(String path) {
        // Drop what earlier pages logged
        driver.manage().logs().get(LogType.BROWSER);
        driver.manage().logs().get(LogType.PERFORMANCE);
        driver.get(url(path));
    }

    /**
     * No console error, no request to another host, no failed request.
     */
    static void assertCleanPage() {
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
        // data:, blob: and the browser's own internal pages (chrome://) are not network requests to another host
        if (requested.startsWith("data:") || requested.startsWith("blob:") || requested.startsWith("about:")
                || requested.startsWith("chrome://") || requested.startsWith("chrome-untrusted://")) {
            return true;
        }
        try {
            return "localhost".equals(URI.create(requested).getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

}
