package io.quarkiverse.pipelinedeployment.deployment.seed;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * The seed's "Default endpoints and middleware" as {@code default-endpoints-and-middleware.properties}: only
 * {@code /pipeline/documentation}, {@code /pipeline/api/invoke}, {@code /pipeline/api/healthz} and the CORS
 * middleware.
 */
public class SeedDefaultEndpointsExampleTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> SeedExamples.app(jar, "default-endpoints-and-middleware"));

    @Test
    void theSelectedEndpointsAtTheirPaths() {
        when().get("/pipeline/documentation").then().statusCode(200);
        given().contentType("application/json").body("{\"parameters\": {\"features\": [1]}}")
                .post("/pipeline/api/invoke").then().statusCode(200).body("success", equalTo(true));
        when().get("/pipeline/api/healthz").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theOthersAreNotServed() {
        when().get("/pipeline/redoc").then().statusCode(404);
        when().get("/pipeline/api/info").then().statusCode(404);
        when().get("/pipeline/api/metrics").then().statusCode(404);
        when().get("/pipeline/").then().statusCode(404);
    }

    @Test
    void onlyTheCorsMiddleware() {
        given().header("Origin", "https://app.example.com").get("/pipeline/api/healthz").then()
                .header("Access-Control-Allow-Origin", "*")
                .header("Content-Security-Policy", nullValue())
                .header("X-Frame-Options", nullValue());
    }
}
