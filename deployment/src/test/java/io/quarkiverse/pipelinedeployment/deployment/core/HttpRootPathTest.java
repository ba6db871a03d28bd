package io.quarkiverse.pipelinedeployment.deployment.core;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.RestAssured;

/**
 * quarkus.http.root-path comes before quarkus.pipeline.root-path, in routes and in /info.
 */
public class HttpRootPathTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideConfigKey("quarkus.http.root-path", "/app")
            .overrideConfigKey("quarkus.pipeline.root-path", "pipeline/");

    @Test
    void pathsComposeUnderTheHttpRoot() {
        RestAssured.basePath = "";
        given().contentType("application/json").body("{\"parameters\":{\"features\":[1]}}")
                .post("/app/pipeline/invoke").then().statusCode(200).body("success", equalTo(true));
        given().get("/app/pipeline/info").then().statusCode(200)
                .body("app.invoke_url_path", equalTo("/app/pipeline/invoke"))
                .body("app.info_url_path", equalTo("/app/pipeline/info"));
    }
}
