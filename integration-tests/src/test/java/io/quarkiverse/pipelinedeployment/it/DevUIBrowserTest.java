package io.quarkiverse.pipelinedeployment.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.OutputType;

import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;

/**
 * The example service in dev mode, in headless Chromium: the Dev UI's Pipeline page shows the schema and invokes the
 * pipeline, and the Recent invocations page lists that run with its steps' timings.
 */
public class DevUIBrowserTest extends BrowserTestBase {

    // Not 8080, the port of the README's dev-mode command, which may be running beside the tests
    static final int PORT = freePort();

    @RegisterExtension
    static final QuarkusDevModeTest config = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar
                    .addClasses(FraudScoring.class, Verdict.class, Explain.class, ModelResource.class, AdminRoutes.class)
                    .addAsResource(new StringAsset(readProperties() + "\nquarkus.http.port=" + PORT + "\n"),
                            "application.properties"));

    // Finds an element through the Dev UI's nested shadow roots
    static final String DEEP = """
            const deep = (root, selector) => {
                const found = root.querySelector(selector);
                if (found) return found;
                for (const element of root.querySelectorAll('*')) {
                    if (element.shadowRoot) {
                        const inner = deep(element.shadowRoot, selector);
                        if (inner) return inner;
                    }
                }
                return null;
            };
            """;

    @BeforeEach
    void devModePort() {
        // QuarkusDevModeTest serves on the dev-mode port (quarkus.http.port) and leaves RestAssured's unset
        RestAssured.port = PORT;
    }

    @Test
    void pipelinePageInvokesAndRecentInvocationsListTheRun() throws IOException {
        open("/q/dev-ui/quarkus-pipeline-deployment/pipeline");
        waiting().until(d -> text("qwc-pipeline-deployment-pipeline", "pre").contains("\"features\""));
        assertThat(text("qwc-pipeline-deployment-pipeline", "pre")).contains("\"threshold\"", "\"default\": 0.5");

        driver.executeScript(DEEP + """
                const page = deep(document, 'qwc-pipeline-deployment-pipeline').shadowRoot;
                page.querySelector('vaadin-text-area').value = '{"features": [1, 3], "threshold": 0.9}';
                page.querySelector('#invoke').click();
                """);
        waiting().until(d -> text("qwc-pipeline-deployment-pipeline", "#result").contains("\"success\": true"));
        assertThat(text("qwc-pipeline-deployment-pipeline", "#result")).contains("\"flagged\": false",
                "\"name\": \"normalize\"", "\"name\": \"score\"");
        screenshot("dev-ui.screenshot");

        open("/q/dev-ui/quarkus-pipeline-deployment/recent-invocations");
        waiting().until(d -> text("qwc-pipeline-deployment-invocations", "vaadin-grid").contains("normalize"));
        assertThat(text("qwc-pipeline-deployment-invocations", "vaadin-grid")).contains("success", "score", " ms");
    }

    /** With -D{@code property}=file.png, saves the page as the docs' Dev UI picture. */
    static void screenshot(String property) throws IOException {
        String file = System.getProperty(property);
        if (file != null) {
            // Quarkus' own toasts of the test harness (its extension manager has no Maven project here)
            driver.executeScript("document.querySelectorAll('vaadin-notification-card').forEach(c => c.remove())");
            Files.write(Path.of(file), driver.getScreenshotAs(OutputType.BYTES));
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String readProperties() {
        try {
            return Files.readString(Path.of("src/main/resources/application.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of {@code selector} inside the shadow root of the {@code component}, or "" while it is absent. */
    static String text(String component, String selector) {
        Object text = driver.executeScript(DEEP + """
                const host = deep(document, arguments[0]);
                const element = host && host.shadowRoot && host.shadowRoot.querySelector(arguments[1]);
                return element ? element.textContent : '';
                """, component, selector);
        return text == null ? "" : text.toString();
    }
}
