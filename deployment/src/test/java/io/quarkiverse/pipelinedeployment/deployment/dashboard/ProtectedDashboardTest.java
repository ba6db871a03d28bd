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
 * The bundled dashboard in {@code protected-endpoints}: its page and assets load without the key (the page then asks
 * for it, and the endpoints it calls are protected on their own), and an unknown GET still gets the JSON 404 rather
 * than a 401.
 */
public class ProtectedDashboardTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideConfigKey("quarkus.pipeline.auth.protected-endpoints", "invoke,info,dashboard")
            .overrideRuntimeConfigKey("quarkus.pipeline.auth.api-keys", "k");

    @Test
    void thePageLoadsWithoutTheKey() {
        when().get("/").then().statusCode(200).body(containsString("<html"));
        when().get("/static/dashboard.js").then().statusCode(200);
        when().get("/static/dashboard.css").then().statusCode(200);
    }

    @Test
    void unknownPathsAreNotFound() {
        when().get("/nope").then().statusCode(404).body("detail", equalTo("Not Found"));
        when().get("/static/nope.js").then().statusCode(404).body("detail", equalTo("Not Found"));
        given().header("Authorization", "Bearer k").get("/nope").then().statusCode(404);
    }

    @Test
    void whatThePageCallsNeedsTheKey() {
        when().get("/info").then().statusCode(401);
        given().header("Authorization", "Bearer k").get("/info").then().statusCode(200);
    }
}
