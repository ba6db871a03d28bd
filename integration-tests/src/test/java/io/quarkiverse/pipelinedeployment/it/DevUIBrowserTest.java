package io.quarkiverse.pipelinedeployment.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;

/**
 * The example service in dev mode, in headless Chromium: the Dev UI's Pipeline page shows the schema and invokes the
 * pipeline, and the Recent invocations page lists that run with its steps' timings.
 */
public class DevUIBrowserTest extends BrowserTestBase {

    @RegisterExtension
    static final QuarkusDevModeTest config = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar
                    .addClasses(FraudScoring.class, Verdict.class, Explain.class, ModelResource.class, AdminRoutes.class)
                    .addAsResource(new File("src/main/resources/application.properties"), "application.properties"));

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
        // QuarkusDevModeTest serves on the dev-mode port and leaves RestAssured's unset
        RestAssured.port = 8080;
    }

    @Test
    void pipelinePageInvokesAndRecentInvocationsListTheRun() {
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

        open("/q/dev-ui/quarkus-pipeline-deployment/recent-invocations");
        waiting().until(d -> text("qwc-pipeline-deployment-invocations", "vaadin-grid").contains("normalize"));
        assertThat(text("qwc-pipeline-deployment-invocations", "vaadin-grid")).contains("success", "score", " ms");
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
