package io.quarkiverse.pipelinedeployment.deployment.metrics;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * endpoints without metrics: no route and no entry in /info.
 */
public class DisabledMetricsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideConfigKey("quarkus.pipeline.endpoints", "invoke,info,health,redoc");

    @Test
    void metricsAreGone() {
        when().get("/metrics").then().statusCode(404).body("detail", equalTo("Not Found"));
        when().get("/info").then().body("app", not(hasKey("metrics_url_path")));
        when().get("/openapi.json").then().statusCode(200)
                .body("paths", not(hasKey("/metrics")))
                .body("paths", hasKey("/health"));
    }
}
