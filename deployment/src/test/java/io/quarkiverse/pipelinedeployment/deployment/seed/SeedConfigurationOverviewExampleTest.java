package io.quarkiverse.pipelinedeployment.deployment.seed;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.AppRunner;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The seed's "Configuration overview" (its Python and YAML forms) as {@code configuration-overview.properties}.
 */
public class SeedConfigurationOverviewExampleTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> SeedExamples.app(jar, "configuration-overview"));

    @Inject
    AppRunner runner;

    @Test
    void metadataAndPaths() {
        when().get("/info").then().statusCode(200)
                .body("app.title", equalTo("Fraud Scoring Service"))
                .body("app.description", equalTo("Online scoring API exposing synchronous and batch inference"))
                .body("app.version", equalTo("1.2.0"))
                .body("app.invoke_url_path", equalTo("/invoke"))
                .body("app.docs_url_path", equalTo("/docs"));
        given().contentType("application/json").body("{\"parameters\": {\"features\": [1, 2]}}").post("/invoke")
                .then().statusCode(200).body("success", equalTo(true));
    }

    @Test
    void corsWithCredentials() {
        given().header("Origin", "https://app.example.com").header("Access-Control-Request-Method", "POST")
                .options("/invoke").then()
                .header("Access-Control-Allow-Origin", "https://app.example.com")
                .header("Access-Control-Allow-Credentials", "true");
    }

    @Test
    void threadPoolSize() {
        assertThat(runner.settings()).containsEntry("quarkus.pipeline.thread-pool-size", "32")
                .containsEntry("quarkus.pipeline.cors.allow-credentials", "true");
    }
}
