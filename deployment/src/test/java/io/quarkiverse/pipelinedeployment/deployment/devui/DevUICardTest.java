package io.quarkiverse.pipelinedeployment.deployment.devui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.devui.tests.DevUIBuildTimeDataTest;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * The Dev UI card links every enabled endpoint at its full path, and none of the excluded ones.
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
}
