package io.quarkiverse.pipelinedeployment.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;

/**
 * The Dev UI's Runs page in headless Chromium, with a long-running pipeline in dev mode: start a run, see its steps
 * and events arrive live, cancel it; a short run shows its result.
 */
public class DevUIRunsBrowserTest extends BrowserTestBase {

    static final int PORT = DevUIBrowserTest.freePort();

    @RegisterExtension
    static final QuarkusDevModeTest config = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar
                    .addClasses(SlowCount.class)
                    .addAsResource(new StringAsset("quarkus.pipeline.name=slow_count\nquarkus.http.port=" + PORT
                            + "\n"), "application.properties"));

    private static final String PAGE = "qwc-pipeline-deployment-runs";

    @BeforeEach
    void devModePort() {
        RestAssured.port = PORT;
    }

    private static void start(String parameters) {
        driver.executeScript(DevUIBrowserTest.DEEP + """
                const page = deep(document, 'qwc-pipeline-deployment-runs').shadowRoot;
                page.querySelector('#parameters').value = arguments[0];
                page.querySelector('#start').click();
                """, parameters);
    }

    private static void click(String selector) {
        driver.executeScript(DevUIBrowserTest.DEEP + """
                deep(document, 'qwc-pipeline-deployment-runs').shadowRoot.querySelector(arguments[0]).click();
                """, selector);
    }

    @Test
    void runsPageFollowsCancelsAndShowsResults() {
        open("/q/dev-ui/quarkus-pipeline-deployment/runs");
        waiting().until(d -> !DevUIBrowserTest.text(PAGE, "#start").isEmpty());

        start("{\"ticks\": 60, \"millis\": 200}");
        waiting().until(d -> DevUIBrowserTest.text(PAGE, "#steps").contains("tick completed"));
        assertThat(DevUIBrowserTest.text(PAGE, "#run-status")).contains("running");
        assertThat(DevUIBrowserTest.text(PAGE, "#events")).contains("run_started", "progress {\"tick\":1}");

        click("#cancel");
        waiting().until(d -> DevUIBrowserTest.text(PAGE, "#run-status").contains("cancelled"));
        waiting().until(d -> DevUIBrowserTest.text(PAGE, "#result").contains("Run cancelled"));
        assertThat(DevUIBrowserTest.text(PAGE, "#events")).contains("run_cancelled");

        start("{\"ticks\": 3, \"millis\": 20}");
        waiting().until(d -> DevUIBrowserTest.text(PAGE, "#result").contains("\"output\": 6"));
        assertThat(DevUIBrowserTest.text(PAGE, "#run-status")).contains("completed");
        waiting().until(d -> DevUIBrowserTest.text(PAGE, "#runs").contains("cancelled"));
    }
}
