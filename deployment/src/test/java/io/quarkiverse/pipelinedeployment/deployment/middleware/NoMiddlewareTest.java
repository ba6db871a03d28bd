package io.quarkiverse.pipelinedeployment.deployment.middleware;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * middleware=none: neither filter is installed.
 */
public class NoMiddlewareTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideConfigKey("quarkus.pipeline.middleware", "none");

    @Test
    void noHeaders() {
        given().header("Origin", "https://app.example.com").get("/info").then().statusCode(200)
                .header("Content-Security-Policy", nullValue())
                .header("Server", nullValue())
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
