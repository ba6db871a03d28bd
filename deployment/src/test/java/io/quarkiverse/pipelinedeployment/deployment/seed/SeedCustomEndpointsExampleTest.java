package io.quarkiverse.pipelinedeployment.deployment.seed;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.acme.Endpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * The seed's three custom endpoints as {@code custom-endpoints.properties} and {@code org.acme.Endpoints}.
 */
public class SeedCustomEndpointsExampleTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> SeedExamples.app(jar, "custom-endpoints", Endpoints.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.auth.api-keys", "test-key");

    @Test
    void directMethodReplacesTheHealthEndpoint() {
        when().get("/health").then().statusCode(200)
                .body("status", equalTo("healthy"))
                .body("processors", notNullValue());
    }

    @Test
    void builderMethodWithInitArgsBehindAuth() {
        given().contentType("application/json").body("{\"features\": [0.5, 1.5]}").post("/predict/custom").then()
                .statusCode(401);
        given().header("Authorization", "Bearer test-key").contentType("application/json")
                .body("{\"features\": [0.5, 1.5]}").post("/predict/custom").then().statusCode(200)
                .body("prediction", equalTo(2.0f))
                .body("confidence", equalTo(0.9f));
    }

    @Test
    void builderMethodReturningTheDeployment() {
        when().get("/deployment").then().statusCode(200)
                .body("pipeline.name", equalTo("fraud_scoring"));
    }
}
