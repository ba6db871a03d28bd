package io.quarkiverse.pipelinedeployment.deployment.middleware;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;

/**
 * The default security headers, exactly once, on every kind of response.
 */
public class SecureHeadersDefaultsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.auth.api-keys", "k");

    static final Map<String, String> DEFAULTS = Map.of(
            "Strict-Transport-Security", "max-age=63072000; includeSubdomains",
            "X-Frame-Options", "SAMEORIGIN",
            "X-Content-Type-Options", "nosniff",
            "Content-Security-Policy", "default-src 'none'; script-src 'self' 'unsafe-inline'; connect-src 'self'; "
                    + "img-src 'self' data:; style-src 'self' 'unsafe-inline'; base-uri 'self'; form-action 'self'; "
                    + "font-src 'self'; frame-src 'self'",
            "Referrer-Policy", "no-referrer-when-downgrade",
            "Cache-Control", "no-store, no-cache, must-revalidate",
            "Permissions-Policy", "accelerometer=(), autoplay=(), camera=(), encrypted-media=(), geolocation=(), "
                    + "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), sync-xhr=(), usb=()");

    static void assertDefaults(Response response) {
        for (Map.Entry<String, String> header : DEFAULTS.entrySet()) {
            assertThat(response.headers().getValues(header.getKey())).as(header.getKey())
                    .containsExactly(header.getValue());
        }
        String deploymentId = given().header("Authorization", "Bearer k").get("/info").path("deployment.id");
        assertThat(response.headers().getValues("Server")).containsExactly(deploymentId);
    }

    @Test
    void onEveryResponse() {
        assertDefaults(given().get("/info").andReturn()); // 200 JSON
        assertDefaults(given().get("/nope").andReturn()); // 404
        assertDefaults(given().put("/info").andReturn()); // 405
        assertDefaults(given().contentType("text/plain").body("x").post("/invoke").andReturn()); // 401 before 415
        assertDefaults(given().header("Authorization", "Bearer k").contentType("application/json")
                .body("{").post("/invoke").andReturn()); // 422
        assertDefaults(given().get("/docs").andReturn()); // docs page
        assertDefaults(given().get("/docs/swagger-ui-bundle.js").andReturn()); // asset
        assertDefaults(given().get("/").andReturn()); // dashboard
        assertDefaults(given().get("/health").andReturn()); // health
        assertDefaults(given().get("/q/health").andReturn()); // Quarkus' own routes
        assertDefaults(given().header("Origin", "https://x.example").header("Access-Control-Request-Method", "POST")
                .options("/invoke").andReturn()); // CORS preflight
    }
}
