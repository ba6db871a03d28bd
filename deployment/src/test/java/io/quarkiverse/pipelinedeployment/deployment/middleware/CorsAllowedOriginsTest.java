package io.quarkiverse.pipelinedeployment.deployment.middleware;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The seed's CORS example: listed origins with credentials; others get no Access-Control-Allow-Origin.
 */
public class CorsAllowedOriginsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.cors.allow-origins",
                    "https://app.example.com,https://admin.example.com")
            .overrideRuntimeConfigKey("quarkus.pipeline.cors.allow-headers", "authorization,content-type,x-request-id")
            .overrideRuntimeConfigKey("quarkus.pipeline.cors.allow-credentials", "true")
            .overrideRuntimeConfigKey("quarkus.pipeline.cors.expose-headers", "x-request-id")
            .overrideRuntimeConfigKey("quarkus.pipeline.cors.max-age", "60s");

    @Test
    void allowedPreflight() {
        given().header("Origin", "https://app.example.com").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Content-Type,Authorization")
                .options("/invoke").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://app.example.com")
                .header("Access-Control-Allow-Credentials", "true")
                .header("Access-Control-Allow-Headers", "authorization, content-type, x-request-id")
                .header("Access-Control-Max-Age", "60")
                .header("Vary", containsString("Origin"));
    }

    @Test
    void disallowedOrigin() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/invoke").then().statusCode(400)
                .header("Access-Control-Allow-Origin", nullValue())
                .body("detail", equalTo("Disallowed CORS request"));
        given().header("Origin", "https://evil.example").get("/info").then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void disallowedHeader() {
        given().header("Origin", "https://app.example.com").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "x-forbidden")
                .options("/invoke").then().statusCode(400)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void allowedActualRequest() {
        given().header("Origin", "https://admin.example.com").get("/info").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://admin.example.com")
                .header("Access-Control-Allow-Credentials", "true")
                .header("Access-Control-Expose-Headers", "x-request-id");
    }
}
