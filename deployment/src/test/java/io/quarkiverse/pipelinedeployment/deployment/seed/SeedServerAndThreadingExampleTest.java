package io.quarkiverse.pipelinedeployment.deployment.seed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.AppRunner;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.http.HttpServerRequest;

/**
 * The seed's "Uvicorn and threading" as {@code server-and-threading.properties}: the pipeline's thread pool, and
 * Quarkus' own server settings (proxy headers honoured, keep-alive timeout, event loops).
 */
public class SeedServerAndThreadingExampleTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> SeedExamples.app(jar, "server-and-threading", Echo.class))
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.scheme.path", "/scheme")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.scheme.handler", Echo.class.getName() + "#scheme")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.scheme.auth-required", "false");

    @Inject
    AppRunner runner;

    @ConfigProperty(name = "quarkus.vertx.event-loops-pool-size")
    int eventLoops;

    @Test
    void settingsAreInEffect() {
        assertThat(runner.settings()).containsEntry("quarkus.pipeline.thread-pool-size", "64");
        assertThat(eventLoops).isEqualTo(2);
        given().contentType("application/json").body("{\"parameters\": {\"features\": [1]}}").post("/invoke")
                .then().statusCode(200).body("success", equalTo(true));
    }

    @Test
    void proxyHeadersAreHonoured() {
        given().header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.7")
                .get("/scheme").then().statusCode(200)
                .body("scheme", equalTo("https"))
                .body("client", equalTo("203.0.113.7"));
    }

    /** Shows the request as the application sees it, after the proxy headers. */
    public static class Echo {
        public static java.util.Map<String, String> scheme(io.vertx.ext.web.RoutingContext ctx) {
            HttpServerRequest request = ctx.request();
            return java.util.Map.of("scheme", request.scheme(), "client", request.remoteAddress().host());
        }
    }
}
