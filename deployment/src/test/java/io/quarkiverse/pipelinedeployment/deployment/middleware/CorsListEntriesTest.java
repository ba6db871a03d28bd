package io.quarkiverse.pipelinedeployment.deployment.middleware;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * CORS lists written with spaces after the commas, and with empty entries: each entry is trimmed, empty ones are
 * ignored.
 */
public class CorsListEntriesTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.cors.allow-origins", "https://a.example, https://b.example")
            .overrideRuntimeConfigKey("quarkus.pipeline.cors.allow-methods", "GET,  POST , ,OPTIONS")
            .overrideRuntimeConfigKey("quarkus.pipeline.cors.allow-headers", "content-type, x-request-id")
            .overrideRuntimeConfigKey("quarkus.pipeline.cors.expose-headers", "x-request-id,  x-run-id");

    @Test
    void everyListedOriginIsAllowed() {
        for (String origin : new String[] { "https://a.example", "https://b.example" }) {
            given().header("Origin", origin).header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "Content-Type, X-Request-Id")
                    .options("/invoke").then().statusCode(200)
                    .header("Access-Control-Allow-Origin", origin)
                    .header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                    .header("Access-Control-Allow-Headers", "content-type, x-request-id");
            given().header("Origin", origin).get("/info").then().statusCode(200)
                    .header("Access-Control-Allow-Origin", origin)
                    .header("Access-Control-Expose-Headers", "x-request-id, x-run-id");
        }
    }

    @Test
    void othersAreStillRefused() {
        given().header("Origin", "https://c.example").header("Access-Control-Request-Method", "POST")
                .options("/invoke").then().statusCode(400)
                .header("Access-Control-Allow-Origin", nullValue())
                .body("detail", equalTo("Disallowed CORS request"));
        given().header("Origin", "https://a.example").header("Access-Control-Request-Method", "DELETE")
                .options("/invoke").then().statusCode(400);
    }
}
