package io.quarkiverse.pipelinedeployment.deployment.core;

import static io.quarkiverse.pipelinedeployment.deployment.PipelineTests.invoke;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.PipelineTests;
import io.quarkiverse.pipelinedeployment.deployment.pipelines.EchoPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Required-ness and defaults follow SPEC §3; parameters_used has the defaults filled in.
 */
public class ParameterDefaultsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(EchoPipeline.class, PipelineTests.class));

    @Test
    void defaultsAreFilledIn() {
        invoke("/invoke", Map.of("name", "Ada")).statusCode(200)
                .body("outputs.output.name", equalTo("Ada"))
                .body("outputs.output.times", equalTo(3))
                .body("outputs.output.currency", equalTo("EUR"))
                .body("outputs.output.weights", contains(1, 2))
                .body("outputs.output.note", equalTo("none"))
                .body("outputs.output.tag", equalTo("null"))
                .body("metadata.parameters_used.name", equalTo("Ada"))
                .body("metadata.parameters_used.times", equalTo(3))
                .body("metadata.parameters_used.currency", equalTo("EUR"))
                .body("metadata.parameters_used.weights", contains(1, 2))
                .body("metadata.parameters_used", hasKey("note"))
                .body("metadata.parameters_used.note", nullValue())
                .body("metadata.parameters_used.tag", nullValue());
    }

    @Test
    void givenValuesWin() {
        invoke("/invoke", Map.of("name", "Bo", "times", 1, "currency", "USD", "weights", List.of(5), "note", "hi",
                "tag", "t1")).statusCode(200)
                .body("outputs.output.times", equalTo(1))
                .body("outputs.output.currency", equalTo("USD"))
                .body("outputs.output.note", equalTo("hi"))
                .body("outputs.output.tag", equalTo("t1"));
    }

    @Test
    void onlyParametersWithoutDefaultsAndNotOptionalAreRequired() {
        when().get("/info").then().statusCode(200)
                .body("pipeline.input_schema.required", contains("name"))
                .body("pipeline.parameters", equalTo(Map.of("times", 3, "currency", "EUR", "weights", List.of(1, 2))))
                .body("pipeline.input_schema.properties.currency.enum", contains("EUR", "USD"))
                .body("pipeline.input_schema.properties.tag.type", equalTo("string"));
        invoke("/invoke", Map.of()).statusCode(422)
                .body("detail.loc", contains(List.of("body", "parameters", "name")));
    }

    @Test
    void enumValuesAreChecked() {
        invoke("/invoke", Map.of("name", "Ada", "currency", "GBP")).statusCode(422)
                .body("detail[0].loc", contains("body", "parameters", "currency"))
                .body("detail[0].msg", equalTo("Input should be 'EUR' or 'USD'"));
    }
}
