package io.quarkiverse.pipelinedeployment.deployment.core;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.OtherPipeline;
import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Two @Pipeline methods and quarkus.pipeline.name: the named one is deployed.
 */
public class SelectedPipelineTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, OtherPipeline.class))
            .overrideConfigKey("quarkus.pipeline.name", "other");

    @Test
    void theNamedPipelineIsDeployed() {
        given().contentType("application/json").body("{\"parameters\":{\"who\":\"Ada\"}}")
                .post("/invoke").then().statusCode(200)
                .body("outputs.output", equalTo("hello Ada"))
                .body("metadata.pipeline_name", equalTo("other"));
        when().get("/info").then().statusCode(200).body("pipeline.name", equalTo("other"));
    }
}
