package io.quarkiverse.pipelinedeployment.deployment.core;

import static io.quarkiverse.pipelinedeployment.deployment.PipelineTests.invoke;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.PipelineTests;
import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The seed's path example: root /pipeline, api /api, docs /documentation, health /healthz.
 */
public class SeedPathExampleTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, PipelineTests.class))
            .overrideConfigKey("quarkus.pipeline.root-path", "/pipeline")
            .overrideConfigKey("quarkus.pipeline.api-path", "/api")
            .overrideConfigKey("quarkus.pipeline.docs-path", "/documentation")
            .overrideConfigKey("quarkus.pipeline.health-path", "/healthz");

    @Test
    void invokeIsUnderRootAndApi() {
        invoke("/pipeline/api/invoke", Map.of("features", List.of(2.0))).statusCode(200)
                .body("success", equalTo(true));
    }

    @Test
    void infoReportsComposedPaths() {
        when().get("/pipeline/api/info").then().statusCode(200)
                .body("app.invoke_url_path", equalTo("/pipeline/api/invoke"))
                .body("app.info_url_path", equalTo("/pipeline/api/info"));
    }

    @Test
    void rootPathIsARealPrefix() {
        // Outside the root path the deployment answers nothing: Quarkus' own 404 (or its static-resource 405)
        invoke("/invoke", Map.of("features", List.of(2.0))).statusCode(oneOf(404, 405))
                .body(not(containsString("detail")));
        invoke("/api/invoke", Map.of("features", List.of(2.0))).statusCode(oneOf(404, 405))
                .body(not(containsString("detail")));
        when().get("/info").then().statusCode(404).body(not(containsString("detail")));
        // Inside it, unknown paths get the JSON 404
        when().get("/pipeline/anything").then().statusCode(404).body("detail", equalTo("Not Found"));
        when().get("/pipeline/api/invoke").then().statusCode(405).body("detail", equalTo("Method Not Allowed"));
    }
}
