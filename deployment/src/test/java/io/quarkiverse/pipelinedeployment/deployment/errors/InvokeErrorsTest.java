package io.quarkiverse.pipelinedeployment.deployment.errors;

import static io.quarkiverse.pipelinedeployment.deployment.PipelineTests.invoke;
import static io.quarkiverse.pipelinedeployment.deployment.PipelineTests.invokeRaw;
import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.PipelineTests;
import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Every client error of the invoke endpoint gets the seed framework's JSON body, never a stack trace, and does not
 * count as a run.
 */
public class InvokeErrorsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, PipelineTests.class));

    @Test
    void malformedJson() {
        invokeRaw("/invoke", "{\"parameters\": {").statusCode(422)
                .body("detail", hasSize(1))
                .body("detail[0].type", equalTo("json_invalid"))
                .body("detail[0].loc", contains("body"))
                .body("detail[0].msg", equalTo("JSON decode error"));
        invokeRaw("/invoke", "").statusCode(422).body("detail[0].type", equalTo("json_invalid"));
        invokeRaw("/invoke", "{} trailing").statusCode(422).body("detail[0].type", equalTo("json_invalid"));
    }

    @Test
    void bodyIsNotAnObject() {
        invokeRaw("/invoke", "[1, 2]").statusCode(422)
                .body("detail[0].type", equalTo("type_error"))
                .body("detail[0].loc", contains("body"));
    }

    @Test
    void missingParameters() {
        invokeRaw("/invoke", "{\"run_name\": \"x\"}").statusCode(422)
                .body("detail[0].type", equalTo("missing"))
                .body("detail[0].loc", contains("body", "parameters"))
                .body("detail[0].msg", equalTo("Field required"))
                .body("detail[0].input.run_name", equalTo("x"));
        invokeRaw("/invoke", "{\"parameters\": [1]}").statusCode(422)
                .body("detail[0].type", equalTo("type_error"))
                .body("detail[0].loc", contains("body", "parameters"));
    }

    @Test
    void missingParameter() {
        invoke("/invoke", Map.of()).statusCode(422)
                .body("detail", hasSize(1))
                .body("detail[0].type", equalTo("missing"))
                .body("detail[0].loc", contains("body", "parameters", "features"))
                .body("detail[0].msg", equalTo("Field required"));
    }

    @Test
    void wrongTypes() {
        invoke("/invoke", Map.of("features", "many", "threshold", "high")).statusCode(422)
                .body("detail", hasSize(2))
                .body("detail.type", contains("type_error", "type_error"))
                .body("detail[0].loc", contains("body", "parameters", "features"))
                .body("detail[0].msg", equalTo("Input should be a valid list"))
                .body("detail[0].input", equalTo("many"))
                .body("detail[1].loc", contains("body", "parameters", "threshold"))
                .body("detail[1].msg", equalTo("Input should be a valid number"))
                .body("detail[1].input", equalTo("high"));
        // Nested problems point at the element
        invoke("/invoke", Map.of("features", List.of(1, "x"))).statusCode(422)
                .body("detail[0].loc", contains("body", "parameters", "features", 1))
                .body("detail[0].input", equalTo("x"));
        // null for a required primitive
        invokeRaw("/invoke", "{\"parameters\": {\"features\": [1], \"threshold\": null}}").statusCode(422)
                .body("detail[0].type", equalTo("type_error"))
                .body("detail[0].loc", contains("body", "parameters", "threshold"));
    }

    @Test
    void unknownParameter() {
        invoke("/invoke", Map.of("features", List.of(1), "treshold", 0.3)).statusCode(422)
                .body("detail", hasSize(1))
                .body("detail[0].type", equalTo("extra_forbidden"))
                .body("detail[0].loc", contains("body", "parameters", "treshold"))
                .body("detail[0].msg", equalTo("Extra inputs are not permitted"))
                .body("detail[0].input", equalTo(0.3f));
    }

    @Test
    void badRunNameAndTimeout() {
        invokeRaw("/invoke", "{\"parameters\": {\"features\": [1]}, \"run_name\": 5, \"timeout\": -1}").statusCode(422)
                .body("detail.loc", contains(List.of("body", "run_name"), List.of("body", "timeout")));
    }

    @Test
    void notJson() {
        given().contentType("text/plain").body("features=1").post("/invoke").then().statusCode(415)
                .contentType("application/json")
                .body("detail", containsString("application/json"));
        given().contentType("application/x-www-form-urlencoded").formParam("a", "b").post("/invoke").then()
                .statusCode(415);
        // application/*+json is JSON too
        given().contentType("application/vnd.acme+json").body("{\"parameters\":{\"features\":[1]}}")
                .post("/invoke").then().statusCode(200);
    }

    @Test
    void rejectedRequestsAreNotRuns() {
        int before = when().get("/info").then().extract().path("total_executions");
        invoke("/invoke", Map.of()).statusCode(422);
        given().contentType("text/plain").body("x").post("/invoke").then().statusCode(415);
        when().get("/info").then().body("total_executions", equalTo(before));
    }

    @Test
    void noStackTraces() {
        invokeRaw("/invoke", "{\"parameters\": {\"features\": {\"a\": 1}}}").statusCode(422)
                .body(not(containsString("at io.")))
                .body(not(containsString("Exception")));
    }
}
