package io.quarkiverse.pipelinedeployment.deployment.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.acme.ScoreResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * The seed's native FastAPI router as {@code native-endpoint.properties} and the JAX-RS {@code org.acme.ScoreResource}:
 * {@code POST /native/score}, behind the API keys.
 */
public class SeedNativeEndpointExampleTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> SeedExamples.app(jar, "native-endpoint", ScoreResource.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.auth.api-keys", "test-key");

    @Test
    void scoreBehindAuth() {
        given().contentType("application/json").body("{\"features\": [1.0]}").post("/native/score").then()
                .statusCode(401).body("detail", equalTo("Authorization header required"));
        given().header("Authorization", "Bearer test-key").contentType("application/json")
                .body("{\"features\": [1.0]}").post("/native/score").then().statusCode(200)
                .body("score", equalTo(0.42f));
    }
}
