package io.quarkiverse.pipelinedeployment.deployment.core;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A record output: /info's output_schema is the record's object schema, and the outputs are the record's fields.
 */
public class RecordOutputSchemaTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class));

    @Test
    void outputSchemaIsTheRecord() {
        when().get("/info").then().statusCode(200)
                .body("pipeline.output_schema.type", equalTo("object"))
                .body("pipeline.output_schema.title", equalTo("Verdict"))
                .body("pipeline.output_schema.properties.keySet()", contains("score", "flagged"))
                .body("pipeline.output_schema.properties.score.type", equalTo("number"))
                .body("pipeline.output_schema.properties.flagged.type", equalTo("boolean"))
                .body("pipeline.input_schema.properties.features.items.type", equalTo("number"))
                .body("pipeline.input_schema.additionalProperties", equalTo(false));
    }
}
