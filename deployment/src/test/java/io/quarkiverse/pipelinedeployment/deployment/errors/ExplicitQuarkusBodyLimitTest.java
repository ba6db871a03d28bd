package io.quarkiverse.pipelinedeployment.deployment.errors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An explicit quarkus.http.limits.max-body-size smaller than quarkus.pipeline.max-request-size wins: the smaller
 * limit applies to the deployment's routes, still answered with the deployment's 413 JSON, whether the body is
 * announced by Content-Length or chunked.
 */
public class ExplicitQuarkusBodyLimitTest {

    static final String TOO_LARGE = "Request body too large: the limit is 2048 bytes "
            + "(quarkus.http.limits.max-body-size)";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, LargeBodyDefaultLimitTest.class,
                    LargeBodyDefaultLimitTest.SizeEndpoint.class))
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.size.path", "/size")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.size.method", "POST")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.size.handler",
                    LargeBodyDefaultLimitTest.SizeEndpoint.class.getName() + "#size")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.size.auth-required", "false")
            .overrideRuntimeConfigKey("quarkus.http.limits.max-body-size", "2K");

    @Test
    void theSmallerQuarkusLimitApplies() {
        String large = LargeBodyDefaultLimitTest.paddedBody("{\"features\": [1.0]}", 4096);
        for (String path : new String[] { "/invoke", "/size" }) {
            given().contentType("application/json").body(large).post(path).then().statusCode(413)
                    .contentType("application/json")
                    .body("detail", equalTo(TOO_LARGE));
            given().contentType("application/json")
                    .body(new ByteArrayInputStream(large.getBytes(StandardCharsets.UTF_8)))
                    .post(path).then().statusCode(413)
                    .contentType("application/json")
                    .body("detail", equalTo(TOO_LARGE));
        }
    }

    @Test
    void bodiesUnderItAreServed() {
        String small = LargeBodyDefaultLimitTest.paddedBody("{\"features\": [1.0]}", 1024);
        given().contentType("application/json").body(small).post("/invoke").then().statusCode(200)
                .body("success", equalTo(true));
        given().contentType("application/json").body(LargeBodyDefaultLimitTest.paddedBody("{}", 1024))
                .post("/size").then().statusCode(200);
    }
}
