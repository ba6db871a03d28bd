package io.quarkiverse.pipelinedeployment.deployment.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;

import org.acme.RequestTimingMiddleware;
import org.acme.TimingHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * The seed's custom middleware (a class and a function with init-args) as {@code custom-middleware.properties}.
 */
public class SeedCustomMiddlewareExampleTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> SeedExamples.app(jar, "custom-middleware", RequestTimingMiddleware.class,
                    TimingHeaders.class));

    @Test
    void bothTimingHeaders() {
        given().contentType("application/json").body("{\"parameters\": {\"features\": [1]}}").post("/invoke")
                .then().statusCode(200)
                .header("x-process-time-ms", matchesPattern("[0-9.E-]+"))
                .header("x-latency-ms", matchesPattern("[0-9.E-]+"));
    }
}
