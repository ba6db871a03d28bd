package io.quarkiverse.pipelinedeployment.deployment.health;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The seed's example: health moved to /pipeline/api/healthz.
 */
public class CustomHealthPathTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideConfigKey("quarkus.pipeline.root-path", "/pipeline")
            .overrideConfigKey("quarkus.pipeline.api-path", "/api")
            .overrideConfigKey("quarkus.pipeline.health-path", "/healthz");

    @Test
    void healthIsMoved() {
        when().get("/pipeline/api/healthz").then().statusCode(200).body("status", equalTo("UP"));
        when().get("/pipeline/api/healthz/ready").then().statusCode(200).body("status", equalTo("UP"));
        when().get("/pipeline/api/health").then().statusCode(404);
        when().get("/health").then().statusCode(404);
        when().get("/pipeline/api/info").then().body("app.health_url_path", equalTo("/pipeline/api/healthz"));
    }
}
