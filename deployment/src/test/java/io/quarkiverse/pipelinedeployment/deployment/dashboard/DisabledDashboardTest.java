package io.quarkiverse.pipelinedeployment.deployment.dashboard;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * endpoints without dashboard: / and its files are gone, and browsers get the JSON 404.
 */
public class DisabledDashboardTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideConfigKey("quarkus.pipeline.endpoints", "api,doc");

    @Test
    void dashboardIsGone() {
        when().get("/").then().statusCode(404).body("detail", equalTo("Not Found"));
        when().get("/static/dashboard.js").then().statusCode(404);
        given().accept("text/html").get("/anything").then().statusCode(404).body("detail", equalTo("Not Found"));
        when().get("/docs").then().statusCode(200);
    }
}
