package io.quarkiverse.pipelinedeployment.deployment.errors;

import static io.quarkiverse.pipelinedeployment.deployment.PipelineTests.invoke;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.PipelineTests;
import io.quarkiverse.pipelinedeployment.deployment.pipelines.FailingPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A pipeline that throws still answers 200, with success false, the seed framework's error string and a run id.
 */
public class FailureEnvelopeTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(FailingPipeline.class, PipelineTests.class));

    @Test
    void failureEnvelope() {
        invoke("/invoke", Map.of("amount", 21)).statusCode(200)
                .body("success", equalTo(false))
                .body("outputs", nullValue())
                .body("$", hasKey("outputs"))
                .body("error", equalTo("Failed to execute pipeline: IllegalStateException: card declined for amount 42"))
                .body("metadata.run_id", matchesPattern("[0-9a-f-]{36}"))
                .body("metadata.parameters_used.amount", equalTo(21))
                .body("metadata.steps.name", contains("prepare", "charge"))
                .body("metadata.steps.status", contains("completed", "failed"));
    }

    @Test
    void failuresCountAsRuns() {
        int before = when().get("/info").then().extract().path("total_executions");
        invoke("/invoke", Map.of("amount", 1)).statusCode(200);
        when().get("/info").then().body("total_executions", equalTo(before + 1))
                .body("status", equalTo("healthy"));
    }
}
