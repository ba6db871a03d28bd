package io.quarkiverse.pipelinedeployment.deployment.devui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.devui.tests.DevUIJsonRPCTest;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;

/**
 * The Dev UI's JSON-RPC methods in dev mode: the pipeline's schema, an invocation with the invoke envelope, invalid
 * parameters as a 422 problem, and the recent invocations (from the Dev UI and from HTTP) with their step timings.
 */
public class DevUIJsonRpcTest extends DevUIJsonRPCTest {

    @RegisterExtension
    static final QuarkusDevModeTest config = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class));

    public DevUIJsonRpcTest() {
        super("quarkus-pipeline-deployment");
    }

    @Test
    void schemaInvocationAndRecentInvocations() throws Exception {
        JsonNode pipeline = executeJsonRPCMethod("getPipeline");
        assertThat(pipeline.get("name").asText()).isEqualTo("fraud_scoring");
        assertThat(pipeline.at("/input_schema/properties/features/type").asText()).isEqualTo("array");
        assertThat(pipeline.at("/output_schema/properties/score/type").asText()).isEqualTo("number");
        assertThat(pipeline.get("steps").toString()).isEqualTo("[\"normalize\",\"weighted_score\"]");
        assertThat(pipeline.get("invoke_url_path").asText()).isEqualTo("/invoke");

        JsonNode result = executeJsonRPCMethod("invoke", Map.of("parameters", "{\"features\": [1, 3], \"threshold\": 0.9}"));
        assertThat(result.get("success").asBoolean()).isTrue();
        assertThat(result.at("/outputs/score").asDouble()).isEqualTo(0.875);
        assertThat(result.at("/outputs/flagged").asBoolean()).isFalse();
        assertThat(result.at("/metadata/parameters_used/threshold").asDouble()).isEqualTo(0.9);

        JsonNode invalid = executeJsonRPCMethod("invoke", Map.of("parameters", "{\"features\": \"many\"}"));
        assertThat(invalid.get("status").asInt()).isEqualTo(422);
        assertThat(invalid.get("detail").toString()).contains("features");
        JsonNode notJson = executeJsonRPCMethod("invoke", Map.of("parameters", "{features"));
        assertThat(notJson.get("status").asInt()).isEqualTo(400);

        // One more over HTTP: the recent invocations hold both runs, newest first, with their steps' timings
        RestAssured.given().contentType("application/json").body("{\"parameters\": {\"features\": [2]}}")
                .post("/invoke").then().statusCode(200);
        JsonNode recent = executeJsonRPCMethod("getRecentInvocations");
        assertThat(recent.size()).isEqualTo(2);
        assertThat(recent.get(0).at("/metadata/parameters_used/features/0").asDouble()).isEqualTo(2.0);
        assertThat(recent.get(1).at("/outputs/score").asDouble()).isEqualTo(0.875);
        List<String> steps = new ArrayList<>();
        for (JsonNode step : recent.get(1).at("/metadata/steps")) {
            steps.add(step.get("name").asText());
            assertThat(step.get("duration").asDouble()).isGreaterThanOrEqualTo(0);
            assertThat(step.get("status").asText()).isEqualTo("completed");
        }
        assertThat(steps).containsExactly("normalize", "weighted_score");
        assertThat(recent.get(1).get("ended_at").asText()).endsWith("Z");
    }
}
