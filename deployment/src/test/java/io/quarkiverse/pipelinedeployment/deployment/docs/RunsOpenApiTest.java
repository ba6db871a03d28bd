package io.quarkiverse.pipelinedeployment.deployment.docs;

import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The OpenAPI document describes every operation of the runs endpoint, protected by the API key by default, with the
 * pipeline's own schemas in the run record and the result; invoke documents its asynchronous and streamed answers.
 */
public class RunsOpenApiTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideConfigKey("quarkus.pipeline.api-path", "/api")
            .overrideRuntimeConfigKey("quarkus.pipeline.auth.api-keys", "k");

    /** The node at a JSON pointer whose path segments are given as they are (a {@code /} is escaped). */
    private static JsonNode at(JsonNode doc, String... segments) {
        StringBuilder pointer = new StringBuilder();
        for (String segment : segments) {
            pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return doc.at(pointer.toString());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void everyRunsOperationIsDocumented() throws Exception {
        JsonNode doc = new ObjectMapper()
                .readTree(when().get("/openapi.json").then().statusCode(200).extract().asString());
        Map<String, String[]> operations = Map.of(
                "submitRun", new String[] { "/api/runs", "post" },
                "listRuns", new String[] { "/api/runs", "get" },
                "getRun", new String[] { "/api/runs/{run_id}", "get" },
                "deleteRun", new String[] { "/api/runs/{run_id}", "delete" },
                "getRunResult", new String[] { "/api/runs/{run_id}/result", "get" },
                "streamRunEvents", new String[] { "/api/runs/{run_id}/events", "get" },
                "cancelRun", new String[] { "/api/runs/{run_id}/cancel", "post" });
        operations.forEach((id, where) -> {
            JsonNode operation = at(doc, "paths", where[0], where[1]);
            assertThat(operation.path("operationId").asText()).as(where[0] + " " + where[1]).isEqualTo(id);
            assertThat(operation.path("security").toString()).as(id + " is protected")
                    .isEqualTo("[{\"bearerAuth\":[]}]");
        });

        // The pipeline's own schemas: parameters in the record, outputs in the record and the result
        JsonNode record = at(doc, "paths", "/api/runs/{run_id}", "get", "responses", "200", "content",
                "application/json", "schema", "properties");
        assertThat(names(record.path("parameters_used").path("properties"))).contains("features", "threshold");
        assertThat(names(record.path("outputs").path("properties"))).contains("score", "flagged");
        assertThat(record.path("status").path("enum").toString())
                .isEqualTo("[\"queued\",\"running\",\"completed\",\"failed\",\"timed_out\",\"cancelled\"]");
        JsonNode result = at(doc, "paths", "/api/runs/{run_id}/result", "get", "responses");
        assertThat(names(at(result, "200", "content", "application/json", "schema", "properties", "outputs",
                "properties"))).contains("score", "flagged");
        assertThat(names(result)).contains("200", "202", "404", "504");
        assertThat(names(at(doc, "paths", "/api/runs/{run_id}/events", "get", "responses", "200", "content")))
                .contains("text/event-stream");
        assertThat(names(at(doc, "paths", "/api/runs/{run_id}/cancel", "post", "responses")))
                .contains("202", "404", "409");
        assertThat(names(at(doc, "paths", "/api/runs", "post", "requestBody", "content", "application/json",
                "schema", "properties"))).contains("parameters", "run_name", "timeout");
        assertThat(names(at(doc, "paths", "/api/runs", "post", "responses")))
                .contains("202", "413", "415", "422", "503");

        // Invoke: asynchronous (Prefer: respond-async), streamed, idempotent
        JsonNode invoke = at(doc, "paths", "/api/invoke", "post");
        assertThat(names(invoke.path("responses"))).contains("200", "202", "409", "422", "503", "504");
        assertThat(names(at(invoke, "responses", "200", "content"))).contains("application/json",
                "text/event-stream");
        List<String> parameters = new ArrayList<>();
        invoke.path("parameters").forEach(p -> parameters.add(p.path("name").asText()));
        assertThat(parameters).contains("Idempotency-Key", "Prefer");
    }
}
