package io.quarkiverse.pipelinedeployment.deployment.seed;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * The seed's "Application metadata" as {@code application-metadata.properties}: in /info and the OpenAPI document.
 */
public class SeedApplicationMetadataExampleTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> SeedExamples.app(jar, "application-metadata"));

    @Test
    void metadata() {
        when().get("/info").then().statusCode(200)
                .body("app.title", equalTo("LLM Agent Service"))
                .body("app.description", equalTo("Agent endpoints for tools, state inspection, and tracing"))
                .body("app.version", equalTo("0.7.0"));
        when().get("/openapi.json").then().statusCode(200)
                .body("info.title", equalTo("LLM Agent Service"))
                .body("info.version", equalTo("0.7.0"));
    }
}
