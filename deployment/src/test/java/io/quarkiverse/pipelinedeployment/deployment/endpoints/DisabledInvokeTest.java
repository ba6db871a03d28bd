package io.quarkiverse.pipelinedeployment.deployment.endpoints;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * endpoints=info: the invoke endpoint has no route and no entry in /info.
 */
public class DisabledInvokeTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideConfigKey("quarkus.pipeline.endpoints", "info,docs");

    @Test
    void invokeIsGone() {
        given().contentType("application/json").body("{\"parameters\":{\"features\":[1]}}")
                .post("/invoke").then().statusCode(404).body("detail", equalTo("Not Found"));
        when().get("/invoke").then().statusCode(404).body("detail", equalTo("Not Found"));
    }

    @Test
    void infoDoesNotListIt() {
        when().get("/info").then().statusCode(200)
                .body("app", not(hasKey("invoke_url_path")))
                .body("app.info_url_path", equalTo("/info"));
        when().get("/openapi.json").then().statusCode(200)
                .body("paths", not(hasKey("/invoke")))
                .body("paths", hasKey("/info"));
    }
}
