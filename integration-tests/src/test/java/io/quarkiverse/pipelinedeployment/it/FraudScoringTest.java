package io.quarkiverse.pipelinedeployment.it;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The example fraud-scoring service, over HTTP, as its clients see it.
 */
@QuarkusTest
public class FraudScoringTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** JSON numbers come back as floats: within 0.00001 of {@code expected}. */
    private static Matcher<Float> near(float expected) {
        return both(greaterThan(expected - 0.00001f)).and(lessThan(expected + 0.00001f));
    }

    @Test
    void invokeScoresATransaction() {
        given().contentType("application/json")
                .body("{\"parameters\": {\"features\": [0.1, 0.2, 0.7], \"threshold\": 0.7}}")
                .when().post("/invoke")
                .then().statusCode(200)
                .body("success", equalTo(true))
                .body("outputs.score", near(0.75563f))
                .body("outputs.flagged", equalTo(true))
                .body("error", nullValue())
                .body("metadata.pipeline_name", equalTo("fraud_scoring"))
                .body("metadata.deployment_name", equalTo("fraud-scoring"))
                .body("metadata.run_id", matchesPattern(UUID))
                .body("metadata.parameters_used.threshold", equalTo(0.7f))
                .body("metadata.steps.name", contains("normalize", "score"))
                .body("metadata.steps.status", contains("completed", "completed"));
    }

    @Test
    void thresholdDefaultsToOneHalf() {
        given().contentType("application/json").body("{\"parameters\": {\"features\": [1, 0, 0]}}")
                .when().post("/invoke")
                .then().statusCode(200)
                .body("outputs.score", near(0.85815f))
                .body("metadata.parameters_used.threshold", equalTo(0.5f));
    }

    @Test
    void aFailingStepGivesTheFailureEnvelope() {
        given().contentType("application/json").body("{\"parameters\": {\"features\": []}}")
                .when().post("/invoke")
                .then().statusCode(200)
                .body("success", equalTo(false))
                .body("outputs", nullValue())
                .body("error", equalTo("Failed to execute pipeline: IllegalArgumentException: features must not be empty"))
                .body("metadata.run_id", matchesPattern(UUID))
                .body("metadata.steps.status", contains("failed"));
    }

    @Test
    void badInputIsRejectedCleanly() {
        given().contentType("application/json").body("{\"parameters\": {\"features\": \"x\", \"limit\": 1}}")
                .when().post("/invoke")
                .then().statusCode(422)
                .body("detail.type", contains("extra_forbidden", "type_error"))
                .body("detail[0].loc", contains("body", "parameters", "limit"))
                .body("detail[1].loc", contains("body", "parameters", "features"));
        given().contentType("text/csv").body("1,2").when().post("/invoke").then().statusCode(415);
        when().get("/invoke").then().statusCode(405).body("detail", equalTo("Method Not Allowed"));
        when().get("/missing").then().statusCode(404).body("detail", equalTo("Not Found"));
    }

    @Test
    void infoDescribesTheService() {
        when().get("/info").then().statusCode(200)
                .body("app.title", equalTo("Fraud Scoring Service"))
                .body("app.description", equalTo("Online scoring API exposing synchronous and batch inference"))
                .body("app.version", equalTo("1.2.0"))
                .body("app.invoke_url_path", equalTo("/invoke"))
                .body("app.info_url_path", equalTo("/info"))
                .body("app.health_url_path", equalTo("/health"))
                .body("deployment.name", equalTo("fraud-scoring"))
                .body("pipeline.name", equalTo("fraud_scoring"))
                .body("pipeline.parameters.threshold", equalTo(0.5f))
                .body("pipeline.steps", contains("normalize", "score"))
                .body("pipeline.input_schema.required", contains("features"))
                .body("pipeline.output_schema.properties.keySet()", contains("score", "flagged"))
                .body("status", equalTo("healthy"));
    }

    @Test
    void healthReportsThePipeline() {
        when().get("/health").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'fraud_scoring' }.data.pipeline_name", equalTo("fraud_scoring"));
        when().get("/health/live").then().statusCode(200);
        when().get("/health/ready").then().statusCode(200);
    }

    @Test
    @RealClient(RealClient.Tool.PROMTOOL)
    void metricsAreValidPrometheusExposition() throws Exception {
        given().contentType("application/json").body("{\"parameters\": {\"features\": [1, 2]}}").post("/invoke")
                .then().statusCode(200);
        String text = when().get("/metrics").then().statusCode(200).extract().asString();
        assertThat(text).contains("pipeline_invocations_total{pipeline=\"fraud_scoring\",status=\"success\",}")
                .contains("pipeline_step_seconds_bucket{pipeline=\"fraud_scoring\",step=\"score\",le=");
        // Prometheus' own parser and linter
        Path promtool = RealClient.Tool.PROMTOOL.path();
        Process process = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // 0: clean; 3: lint remarks only (about meters of other libraries, checked below); 1: not parseable
        assertThat(process.exitValue()).as(report).isIn(0, 3);
        assertThat(report.lines().filter(line -> line.startsWith("pipeline_"))).as(report).isEmpty();
    }

    @Test
    @RealClient(RealClient.Tool.REDOCLY)
    void openApiDocumentPassesRedocly() throws Exception {
        String document = when().get("/openapi.json").then().statusCode(200)
                .body("info.title", equalTo("Fraud Scoring Service"))
                .body("paths.'/invoke'.post.requestBody.content.'application/json'.schema.properties.parameters"
                        + ".properties.features.type", equalTo("array"))
                .extract().asString();
        Path file = Files.createTempFile("openapi", ".json");
        Files.writeString(file, document);
        // Redocly's linter from npm: errors fail, warnings are reported
        ProcessBuilder lint = new ProcessBuilder(RealClient.Tool.REDOCLY.path().toString(), "lint", "--format=stylish",
                file.toString())
                .redirectErrorStream(true);
        lint.environment().put("REDOCLY_TELEMETRY", "off");
        lint.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process process = lint.start();
        String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(report).isZero();
    }

    @Test
    void docsPagesAreServedWithBundledAssetsOnly() {
        when().get("/docs").then().statusCode(200).body(org.hamcrest.Matchers.containsString("/docs/swagger-ui-bundle.js"));
        when().get("/docs/swagger-ui-bundle.js").then().statusCode(200);
        when().get("/redoc").then().statusCode(200);
        when().get("/redoc/redoc.standalone.js").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("cdn.redoc.ly")));
        // The UI jars' own META-INF/resources are not on the application's classpath
        when().get("/openapi-ui/index.html").then().statusCode(404);
        when().get("/webjars/redoc/2.1.4/bundles/redoc.standalone.js").then().statusCode(404);
    }

    @Test
    void metricsJsonIsTheSeedFrameworks() {
        given().accept("application/json").get("/metrics").then().statusCode(200)
                .body("total_executions", greaterThan(-1))
                .body("$", org.hamcrest.Matchers.hasKey("last_execution_time"));
    }

    @Test
    void concurrentInvocations() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(64);
        try {
            List<Future<JsonPath>> answers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                double feature = i / 64.0;
                answers.add(clients.submit(() -> given().contentType("application/json")
                        .body("{\"parameters\": {\"features\": [" + feature + ", 0.5]}}")
                        .post("/invoke").then().statusCode(200).extract().jsonPath()));
            }
            Set<String> runIds = new HashSet<>();
            for (int i = 0; i < 64; i++) {
                JsonPath answer = answers.get(i).get();
                assertThat(answer.getBoolean("success")).isTrue();
                assertThat(answer.getList("metadata.parameters_used.features", Float.class).get(0))
                        .isEqualTo((float) (i / 64.0));
                assertThat(answer.getList("metadata.steps.name")).containsExactly("normalize", "score");
                runIds.add(answer.getString("metadata.run_id"));
            }
            assertThat(runIds).hasSize(64);
        } finally {
            clients.shutdownNow();
        }
    }
}
