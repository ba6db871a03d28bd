package io.quarkiverse.pipelinedeployment.deployment.middleware;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * middleware=secure-headers: CORS is pruned, the headers stay.
 */
public class SecureHeadersOnlyTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideConfigKey("quarkus.pipeline.middleware", "secure-headers");

    @Test
    void onlyHeaders() {
        given().header("Origin", "https://app.example.com").get("/info").then().statusCode(200)
                .header("Content-Security-Policy", notNullValue())
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
