package io.quarkiverse.pipelinedeployment.deployment.core;

import static io.quarkiverse.pipelinedeployment.deployment.PipelineTests.invoke;
import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.PipelineTests;
import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The defaults: invoke at /invoke, info at /info, the wire format of the seed framework.
 */
public class NoConfigTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, PipelineTests.class)
                    .addAsResource(new StringAsset("static hello"), "META-INF/resources/hello.txt"));

    @Test
    void invokeAnswersTheEnvelope() {
        invoke("/invoke", Map.of("features", List.of(1.0, 3.0), "threshold", 0.7))
                .statusCode(200)
                .contentType("application/json")
                .body("success", equalTo(true))
                .body("outputs.score", equalTo(0.875f))
                .body("outputs.flagged", equalTo(true))
                .body("execution_time", greaterThan(0f))
                .body("error", nullValue())
                .body("$", hasKey("error"))
                .body("metadata.deployment_id", matchesPattern(UUID))
                .body("metadata.snapshot_id", matchesPattern(UUID))
                .body("metadata.run_id", matchesPattern(UUID))
                .body("metadata.pipeline_name", equalTo("fraud_scoring"))
                .body("metadata.deployment_name", notNullValue())
                .body("metadata.snapshot_name", notNullValue())
                .body("metadata.run_name", matchesPattern("fraud_scoring-\\d{4}_\\d\\d_\\d\\d-\\d\\d_\\d\\d_\\d\\d_\\d{6}"))
                .body("metadata.parameters_used.features", contains(1.0f, 3.0f))
                .body("metadata.parameters_used.threshold", equalTo(0.7f))
                // Steps called on the bean itself are recorded, in call order, with their names
                .body("metadata.steps.name", contains("normalize", "weighted_score"))
                .body("metadata.steps.status", contains("completed", "completed"))
                .body("metadata.steps[0].start", matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z"))
                .body("metadata.steps[0].duration", greaterThan(0f));
    }

    @Test
    void runNameIsTakenFromTheRequest() {
        given().contentType("application/json")
                .body("{\"parameters\": {\"features\": [1]}, \"run_name\": \"nightly-42\", \"unknown_top_level\": 1}")
                .post("/invoke")
                .then().statusCode(200)
                .body("metadata.run_name", equalTo("nightly-42"))
                .body("metadata.parameters_used.threshold", equalTo(0.5f));
    }

    @Test
    void infoDescribesTheDeployment() {
        invoke("/invoke", Map.of("features", List.of(1.0))).statusCode(200);
        when().get("/info").then()
                .statusCode(200)
                .contentType("application/json")
                .body("deployment.id", matchesPattern(UUID))
                .body("deployment.auth_enabled", equalTo(false))
                .body("snapshot.id", matchesPattern(UUID))
                .body("pipeline.name", equalTo("fraud_scoring"))
                .body("pipeline.parameters", equalTo(Map.of("threshold", 0.5f)))
                .body("pipeline.steps", contains("normalize", "weighted_score"))
                .body("pipeline.input_schema.type", equalTo("object"))
                .body("pipeline.input_schema.required", contains("features"))
                .body("pipeline.input_schema.properties.features.type", equalTo("array"))
                .body("pipeline.input_schema.properties.threshold.default", equalTo(0.5f))
                .body("app.title", equalTo("fraud_scoring deployment"))
                .body("app.description", equalTo("Serves the fraud_scoring pipeline over HTTP."))
                .body("app.app_runner_flavor", equalTo("vertx"))
                .body("app.invoke_url_path", equalTo("/invoke"))
                .body("app.info_url_path", equalTo("/info"))
                .body("total_executions", greaterThan(0))
                .body("last_execution_time", matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z"))
                .body("status", equalTo("healthy"))
                .body("uptime", greaterThan(0f))
                .body("quarkus_version", notNullValue());
    }

    @Test
    void infoListsTheServedEndpoints() {
        when().get("/info").then().statusCode(200)
                .body("app.health_url_path", equalTo("/health"))
                .body("app.metrics_url_path", equalTo("/metrics"))
                .body("app.docs_url_path", equalTo("/docs"))
                .body("app.redoc_url_path", equalTo("/redoc"));
    }

    @Test
    void unknownPathAnswers404Json() {
        when().get("/nope").then().statusCode(404).contentType("application/json")
                .body("detail", equalTo("Not Found"));
        when().delete("/invoke/more").then().statusCode(404).body("detail", equalTo("Not Found"));
    }

    @Test
    void applicationStaticFilesAreStillServed() {
        // The JSON 404 is a fallback after every route of the application
        when().get("/hello.txt").then().statusCode(200).body(equalTo("static hello"));
    }

    @Test
    void wrongMethodAnswers405Json() {
        when().get("/invoke").then().statusCode(405).contentType("application/json")
                .header("Allow", "POST")
                .body("detail", equalTo("Method Not Allowed"));
        when().post("/info").then().statusCode(405).header("Allow", "GET, HEAD")
                .body("detail", equalTo("Method Not Allowed"));
    }
}
