package io.quarkiverse.pipelinedeployment.deployment.errors;

import static io.quarkiverse.pipelinedeployment.deployment.PipelineTests.invoke;
import static io.quarkiverse.pipelinedeployment.deployment.PipelineTests.invokeRaw;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.PipelineTests;
import io.quarkiverse.pipelinedeployment.deployment.pipelines.SlowPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An invocation that outlives quarkus.pipeline.invoke-timeout, or the request's own timeout, gets 504 with the
 * failure envelope, and counts as a run.
 */
public class InvokeTimeoutTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(SlowPipeline.class, PipelineTests.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.invoke-timeout", "1s");

    @Test
    void invokeTimeoutCapsTheRun() {
        int before = when().get("/info").then().extract().path("total_executions");
        invoke("/invoke", Map.of("millis", 8000)).time(lessThan(6000L), TimeUnit.MILLISECONDS)
                .statusCode(504)
                .contentType("application/json")
                .body("success", equalTo(false))
                .body("outputs", nullValue())
                .body("error", containsString("timed out after 1.0 seconds"))
                .body("metadata.run_id", notNullValue());
        when().get("/info").then().body("total_executions", equalTo(before + 1));
    }

    @Test
    void requestTimeoutShortensIt() {
        invokeRaw("/invoke", "{\"parameters\": {\"millis\": 8000}, \"timeout\": 0.2}")
                .time(lessThan(6000L), TimeUnit.MILLISECONDS)
                .statusCode(504)
                .body("error", containsString("timed out after 0.2 seconds"));
    }

    @Test
    void requestTimeoutCannotExtendIt() {
        invokeRaw("/invoke", "{\"parameters\": {\"millis\": 8000}, \"timeout\": 60}")
                .time(lessThan(6000L), TimeUnit.MILLISECONDS)
                .statusCode(504);
    }

    @Test
    void fastRunsAreNotAffected() {
        invokeRaw("/invoke", "{\"parameters\": {\"millis\": 1}, \"timeout\": 5}").statusCode(200)
                .body("outputs.output", equalTo(1));
    }
}
