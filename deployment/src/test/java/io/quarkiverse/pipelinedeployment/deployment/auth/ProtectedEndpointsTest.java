package io.quarkiverse.pipelinedeployment.deployment.auth;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * auth.protected-endpoints=invoke,info,doc: those need the key, the document too; health and metrics stay open.
 */
public class ProtectedEndpointsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideConfigKey("quarkus.pipeline.auth.protected-endpoints", "invoke,info,doc")
            .overrideRuntimeConfigKey("quarkus.pipeline.auth.api-keys", "s3cret");

    @Test
    void protectedEndpointsNeedTheKey() {
        for (String path : new String[] { "/info", "/docs", "/docs/swagger-ui.css", "/redoc", "/openapi.json" }) {
            when().get(path).then().statusCode(401).header("WWW-Authenticate", "Bearer")
                    .body("detail", equalTo("Authorization header required"));
            given().header("Authorization", "Bearer s3cret").get(path).then().statusCode(200);
        }
        given().header("Authorization", "Bearer s3cret").get("/info").then()
                .body("deployment.auth_enabled", equalTo(true));
    }

    @Test
    void othersStayOpen() {
        when().get("/health").then().statusCode(200);
        when().get("/metrics").then().statusCode(200);
        when().get("/").then().statusCode(200);
    }
}
