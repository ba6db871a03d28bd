package io.quarkiverse.pipelinedeployment.deployment.auth;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.specification.RequestSpecification;

/**
 * Two API keys (for rotation) protect invoke, the default; the other endpoints stay open.
 */
public class ApiKeyAuthTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.auth.api-keys", "key-one,key-two");

    private static RequestSpecification invoke() {
        return given().contentType("application/json").body("{\"parameters\": {\"features\": [1]}}");
    }

    @Test
    void noCredentials() {
        invoke().post("/invoke").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/json")
                .body("detail", equalTo("Authorization header required"));
        invoke().header("Authorization", "Basic a2V5LW9uZTo=").post("/invoke").then().statusCode(401)
                .body("detail", equalTo("Authorization header required"));
        invoke().header("Authorization", "Bearer ").post("/invoke").then().statusCode(401)
                .body("detail", equalTo("Authorization header required"));
    }

    @Test
    void wrongKey() {
        invoke().header("Authorization", "Bearer key-three").post("/invoke").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("detail", equalTo("Invalid authentication token"));
        invoke().header("Authorization", "Bearer key-on").post("/invoke").then().statusCode(401);
    }

    @Test
    void rightAndRotatedKeys() {
        invoke().header("Authorization", "Bearer key-one").post("/invoke").then().statusCode(200)
                .body("success", equalTo(true));
        invoke().header("Authorization", "Bearer key-two").post("/invoke").then().statusCode(200);
        invoke().header("Authorization", "bearer key-two").post("/invoke").then().statusCode(200);
    }

    @Test
    void otherEndpointsStayOpen() {
        when().get("/info").then().statusCode(200).body("deployment.auth_enabled", equalTo(true));
        when().get("/health").then().statusCode(200);
        when().get("/metrics").then().statusCode(200);
        when().get("/docs").then().statusCode(200);
        when().get("/").then().statusCode(200);
    }

    @Test
    void rejectedRequestsAreNotRuns() {
        int before = when().get("/info").then().extract().path("total_executions");
        invoke().post("/invoke").then().statusCode(401);
        invoke().header("Authorization", "Bearer nope").post("/invoke").then().statusCode(401);
        when().get("/info").then().body("total_executions", equalTo(before));
    }
}
