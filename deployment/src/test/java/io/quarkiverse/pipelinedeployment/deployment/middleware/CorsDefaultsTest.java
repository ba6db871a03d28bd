package io.quarkiverse.pipelinedeployment.deployment.middleware;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The CORS defaults: any origin, GET/POST/OPTIONS, any header, no credentials, 600 s preflight cache.
 */
public class CorsDefaultsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class));

    @Test
    void preflight() {
        given().header("Origin", "https://anywhere.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, x-trace")
                .options("/invoke").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                .header("Access-Control-Allow-Headers", "content-type, x-trace")
                .header("Access-Control-Max-Age", "600")
                .header("Access-Control-Allow-Credentials", nullValue());
    }

    @Test
    void actualRequest() {
        given().header("Origin", "https://anywhere.example").contentType("application/json")
                .body("{\"parameters\": {\"features\": [1]}}").post("/invoke").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .body("success", equalTo(true));
        given().get("/info").then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void disallowedMethod() {
        given().header("Origin", "https://anywhere.example").header("Access-Control-Request-Method", "DELETE")
                .options("/invoke").then().statusCode(400)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
