package io.quarkiverse.pipelinedeployment.deployment.metrics;

import static io.quarkiverse.pipelinedeployment.deployment.PipelineTests.invoke;
import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.PipelineTests;
import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Metrics at the default path: the pipeline's Prometheus series, and the seed framework's JSON on request.
 */
public class MetricsEndpointTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, PipelineTests.class));

    private static final String SUCCESS = "pipeline_invocations_total{pipeline=\"fraud_scoring\",status=\"success\",}";
    private static final String FAILURE = "pipeline_invocations_total{pipeline=\"fraud_scoring\",status=\"failure\",}";
    private static final String RUNS = "pipeline_invocation_seconds_count{pipeline=\"fraud_scoring\",}";
    private static final String NORMALIZE = "pipeline_step_seconds_count{pipeline=\"fraud_scoring\",step=\"normalize\",}";
    private static final String SCORE = "pipeline_step_seconds_count{pipeline=\"fraud_scoring\",step=\"weighted_score\",}";

    /** The value of one series in the Prometheus text. */
    static double value(String exposition, String series) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        throw new AssertionError("No series " + series + " in:\n" + exposition);
    }

    @Test
    void prometheusSeriesCountRunsAndSteps() {
        String before = when().get("/metrics").then().statusCode(200).extract().asString();
        invoke("/invoke", Map.of("features", List.of(1.0, 2.0))).statusCode(200);
        invoke("/invoke", Map.of("features", List.of(1.0))).statusCode(200);
        invoke("/invoke", Map.of("features", List.of())).statusCode(200); // fails in normalize
        invoke("/invoke", Map.of()).statusCode(422); // not a run
        String after = when().get("/metrics").then().statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(containsString("pipeline_invocations_total{pipeline=\"fraud_scoring\",status=\"timeout\",} 0.0"))
                .body(containsString("pipeline_invocation_seconds_bucket{pipeline=\"fraud_scoring\",le="))
                .body(containsString("pipeline_step_seconds_bucket{pipeline=\"fraud_scoring\",step=\"normalize\",le="))
                .body(containsString("pipeline_invocations_active{pipeline=\"fraud_scoring\",} 0.0"))
                .body(containsString("pipeline_invocations_rejected_total{pipeline=\"fraud_scoring\",} 0.0"))
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("http_server_"))
                .extract().asString();
        assertThat(value(after, SUCCESS) - value(before, SUCCESS)).isEqualTo(2.0);
        assertThat(value(after, FAILURE) - value(before, FAILURE)).isEqualTo(1.0);
        assertThat(value(after, RUNS) - value(before, RUNS)).isEqualTo(3.0);
        assertThat(value(after, NORMALIZE) - value(before, NORMALIZE)).isEqualTo(3.0);
        assertThat(value(after, SCORE) - value(before, SCORE)).isEqualTo(2.0);
    }

    @Test
    void jsonForm() {
        invoke("/invoke", Map.of("features", List.of(1.0))).statusCode(200);
        given().accept("application/json").get("/metrics").then().statusCode(200)
                .contentType("application/json")
                .body("total_executions", equalTo(when().get("/info").then().extract().path("total_executions")))
                .body("last_execution_time", matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z"));
    }

    @Test
    void infoListsIt() {
        when().get("/info").then().body("app.metrics_url_path", equalTo("/metrics"));
        when().post("/metrics").then().statusCode(405);
    }
}
