package io.quarkiverse.pipelinedeployment.deployment.errors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.vertx.http.deployment.RequireBodyHandlerBuildItem;

/**
 * When another extension makes Quarkus read every body up front (its body handler, bounded by
 * quarkus.http.limits.max-body-size), a body over the limit still gets the deployment's own 413 JSON on its routes,
 * and a body under it is served.
 */
public class BodyHandlerInstalledTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, LargeBodyDefaultLimitTest.class,
                    LargeBodyDefaultLimitTest.SizeEndpoint.class))
            .addBuildChainCustomizer(chain -> chain
                    .addBuildStep(context -> context.produce(new RequireBodyHandlerBuildItem()))
                    .produces(RequireBodyHandlerBuildItem.class)
                    .build())
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.size.path", "/size")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.size.method", "POST")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.size.handler",
                    LargeBodyDefaultLimitTest.SizeEndpoint.class.getName() + "#size")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.size.auth-required", "false")
            .overrideRuntimeConfigKey("quarkus.http.limits.max-body-size", "2K");

    @Test
    void oneAnswerForBodiesOverTheLimit() {
        String large = LargeBodyDefaultLimitTest.paddedBody("{\"features\": [1.0]}", 4096);
        for (String path : new String[] { "/invoke", "/size" }) {
            given().contentType("application/json").body(large).post(path).then().statusCode(413)
                    .contentType("application/json")
                    .body("detail", equalTo(ExplicitQuarkusBodyLimitTest.TOO_LARGE));
            given().contentType("application/json")
                    .body(new ByteArrayInputStream(large.getBytes(StandardCharsets.UTF_8)))
                    .post(path).then().statusCode(413)
                    .contentType("application/json")
                    .body("detail", equalTo(ExplicitQuarkusBodyLimitTest.TOO_LARGE));
        }
    }

    @Test
    void bodiesUnderTheLimitAreServed() {
        given().contentType("application/json")
                .body(LargeBodyDefaultLimitTest.paddedBody("{\"features\": [1.0]}", 1024))
                .post("/invoke").then().statusCode(200)
                .body("success", equalTo(true));
        given().contentType("application/json").body(LargeBodyDefaultLimitTest.paddedBody("{}", 1024))
                .post("/size").then().statusCode(200);
    }
}
