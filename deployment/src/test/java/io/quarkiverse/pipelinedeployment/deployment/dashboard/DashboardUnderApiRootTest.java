package io.quarkiverse.pipelinedeployment.deployment.dashboard;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With root and api paths: the dashboard at /pipeline/, and no SPA fallback under /pipeline/api.
 */
public class DashboardUnderApiRootTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideConfigKey("quarkus.pipeline.root-path", "/pipeline")
            .overrideConfigKey("quarkus.pipeline.api-path", "/api");

    @Test
    void dashboardUnderTheRoot() {
        when().get("/pipeline/").then().statusCode(200)
                .body(containsString("\"invoke\":\"/pipeline/api/invoke\""))
                .body(containsString("src=\"/pipeline/static/dashboard.js\""));
        when().get("/pipeline").then().statusCode(200).body(containsString("pipeline-config"));
        when().get("/pipeline/static/dashboard.js").then().statusCode(200);
        when().get("/static/dashboard.js").then().statusCode(404);
    }

    @Test
    void noFallbackUnderTheApiPath() {
        given().accept("text/html").get("/pipeline/api/unknown").then().statusCode(404)
                .body("detail", equalTo("Not Found"));
        given().accept("text/html").get("/pipeline/settings").then().statusCode(200)
                .body(containsString("pipeline-config"));
    }
}
