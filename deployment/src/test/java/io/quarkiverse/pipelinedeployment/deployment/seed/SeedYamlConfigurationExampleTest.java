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
 * The seed's "YAML configuration" as {@code configuration-overview.yaml}, read as {@code application.yaml} by
 * {@code quarkus-config-yaml}: the same service as the properties form.
 */
public class SeedYamlConfigurationExampleTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> SeedExamples.yamlApp(jar, "configuration-overview"));

    @Inject
    AppRunner runner;

    @Test
    void metadataAndPathsFromYaml() {
        when().get("/info").then().statusCode(200)
                .body("app.title", equalTo("Fraud Scoring Service"))
                .body("app.description", equalTo("Online scoring API exposing synchronous and batch inference"))
                .body("app.version", equalTo("1.2.0"))
                .body("app.invoke_url_path", equalTo("/invoke"))
                .body("app.docs_url_path", equalTo("/docs"))
                .body("app.metrics_url_path", equalTo("/metrics"));
        given().contentType("application/json").body("{\"parameters\": {\"features\": [1, 2]}}").post("/invoke")
                .then().statusCode(200).body("success", equalTo(true));
        when().get("/health").then().statusCode(200);
    }

    @Test
    void yamlListsAndBooleans() {
        given().header("Origin", "https://app.example.com").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "X-Anything")
                .options("/invoke").then()
                .header("Access-Control-Allow-Origin", "https://app.example.com")
                .header("Access-Control-Allow-Credentials", "true");
        assertThat(runner.settings())
                .containsEntry("quarkus.pipeline.thread-pool-size", "32")
                .containsEntry("quarkus.pipeline.cors.allow-methods", "GET,POST,OPTIONS");
    }
}
