package io.quarkiverse.pipelinedeployment.deployment.core;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.OtherPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A scalar output is wrapped as {"output": value}, and the output_schema says so.
 */
public class ScalarOutputSchemaTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(OtherPipeline.class));

    @Test
    void outputSchemaWrapsTheScalar() {
        when().get("/info").then().statusCode(200)
                .body("pipeline.output_schema.type", equalTo("object"))
                .body("pipeline.output_schema.properties.output.type", equalTo("string"))
                .body("pipeline.output_schema.required", contains("output"))
                .body("pipeline.steps.size()", equalTo(0));
        given().contentType("application/json").body("{\"parameters\":{\"who\":\"you\"}}").post("/invoke").then()
                .statusCode(200).body("outputs.output", equalTo("hello you"));
    }
}
