package io.quarkiverse.pipelinedeployment.deployment.core;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.VoidPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A void pipeline answers outputs {}.
 */
public class VoidOutputTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(VoidPipeline.class));

    @Test
    void outputsAreEmpty() {
        given().contentType("application/json").body("{\"parameters\":{\"message\":\"m\"}}").post("/invoke").then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("outputs", anEmptyMap());
        when().get("/info").then().body("pipeline.output_schema.properties", anEmptyMap());
    }
}
