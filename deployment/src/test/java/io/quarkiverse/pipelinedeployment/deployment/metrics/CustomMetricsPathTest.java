package io.quarkiverse.pipelinedeployment.deployment.metrics;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Metrics moved under an api path.
 */
public class CustomMetricsPathTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideConfigKey("quarkus.pipeline.api-path", "/api")
            .overrideConfigKey("quarkus.pipeline.metrics-path", "/prometheus");

    @Test
    void metricsAreMoved() {
        when().get("/api/prometheus").then().statusCode(200).body(containsString("pipeline_invocations_total"));
        when().get("/metrics").then().statusCode(404);
        when().get("/api/metrics").then().statusCode(404);
        when().get("/api/info").then().body("app.metrics_url_path", equalTo("/api/prometheus"));
    }
}
