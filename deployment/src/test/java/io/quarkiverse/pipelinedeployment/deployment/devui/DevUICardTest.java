package io.quarkiverse.pipelinedeployment.deployment.devui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.Map;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.devui.tests.DevUIBuildTimeDataTest;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;

/**
 * The Dev UI card links every enabled endpoint at its full path, and none of the excluded ones; the Dev UI's pages
 * are served without the deployment's security headers.
 */
public class DevUICardTest extends DevUIBuildTimeDataTest {

    @RegisterExtension
    static final QuarkusDevModeTest config = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class).addAsResource(new StringAsset("""
                    quarkus.pipeline.root-path=/fraud
                    quarkus.pipeline.api-path=/api
                    quarkus.pipeline.endpoints=invoke,health,info,docs
                    """), "application.properties"));

    public DevUICardTest() {
        super("quarkus-pipeline-deployment");
    }

    @Test
    void linksToTheEnabledEndpoints() throws Exception {
        assertThat(getBuildTimeData("pipelineName").asText()).isEqualTo("fraud_scoring");
        Map<String, String> links = new HashMap<>();
        for (JsonNode link : getBuildTimeData("endpoints")) {
            links.put(link.get("name").asText(), link.get("path").asText());
        }
        assertThat(links).containsExactlyInAnyOrderEntriesOf(Map.of(
                "invoke", "/fraud/api/invoke",
                "health", "/fraud/api/health",
                "info", "/fraud/api/info",
                "docs", "/fraud/docs",
                "openapi", "/fraud/openapi.json"));
    }

    @Test
    void devUiPagesAreLeftWithoutTheSecureHeaders() {
        // The Dev UI needs blob: scripts and data: fonts; the deployment's own endpoints keep their headers
        RestAssured.when().get("/q/dev-ui/extensions").then().statusCode(200)
                .header("Content-Security-Policy", nullValue());
        RestAssured.when().get("/fraud/api/health").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'none'"));
    }
}
