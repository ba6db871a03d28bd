package io.quarkiverse.pipelinedeployment.deployment.dashboard;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The user's dashboard folder in {@code protected-endpoints}: each of its files, and the SPA fallback, needs the
 * key; an unknown GET still gets the JSON 404 rather than a 401.
 */
public class ProtectedUserDashboardTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, UserDashboardTest.class))
            .overrideConfigKey("quarkus.pipeline.dashboard-files-path", UserDashboardTest.WEB.toString())
            .overrideConfigKey("quarkus.pipeline.auth.protected-endpoints", "invoke,dashboard")
            .overrideRuntimeConfigKey("quarkus.pipeline.auth.api-keys", "k");

    @Test
    void filesNeedTheKey() {
        when().get("/").then().statusCode(401).body("detail", equalTo("Authorization header required"));
        when().get("/assets/app.js").then().statusCode(401);
        given().header("Authorization", "Bearer nope").get("/assets/app.js").then().statusCode(401)
                .body("detail", equalTo("Invalid authentication token"));
        given().header("Authorization", "Bearer k").get("/assets/app.js").then().statusCode(200)
                .body(equalTo("console.log('app');"));
    }

    @Test
    void theSpaFallbackNeedsTheKey() {
        given().accept("text/html").get("/orders/7").then().statusCode(401);
        given().accept("text/html").header("Authorization", "Bearer k").get("/orders/7").then().statusCode(200)
                .body(equalTo("<html><body>my app</body></html>"));
    }

    @Test
    void unknownPathsAreNotFound() {
        when().get("/nope.js").then().statusCode(404).body("detail", equalTo("Not Found"));
        when().get("/assets/nope.js").then().statusCode(404).body("detail", equalTo("Not Found"));
    }
}
