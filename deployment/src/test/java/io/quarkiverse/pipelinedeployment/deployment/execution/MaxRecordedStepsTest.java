package io.quarkiverse.pipelinedeployment.deployment.execution;

import static io.quarkiverse.pipelinedeployment.deployment.PipelineTests.invokeRaw;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.PipelineTests;
import io.quarkus.test.QuarkusUnitTest;

/**
 * By default a run lists at most 1000 steps: a pipeline calling its step 1005 times lists the first 1000, counts the
 * other 5 in {@code steps_omitted}, and all 1005 calls are timed in metrics. A run under the bound has no
 * {@code steps_omitted}.
 */
public class MaxRecordedStepsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(RepeatingPipeline.class, PipelineTests.class));

    static final String TICKS = "pipeline_step_seconds_count{pipeline=\"repeat\",step=\"tick\",}";

    @Test
    void stepsBeyondTheBoundAreCountedNotListed() {
        double before = ticks();
        invokeRaw("/invoke", "{\"parameters\": {\"times\": 1005}}").statusCode(200)
                .body("outputs.output", equalTo(1005))
                .body("metadata.steps", hasSize(1000))
                .body("metadata.steps.name", everyItem(equalTo("tick")))
                .body("metadata.steps_omitted", equalTo(5));
        assertThat(ticks() - before).isEqualTo(1005.0);
    }

    @Test
    void noOmittedFieldUnderTheBound() {
        invokeRaw("/invoke", "{\"parameters\": {\"times\": 1000}}").statusCode(200)
                .body("metadata.steps", hasSize(1000))
                .body("metadata", not(hasKey("steps_omitted")));
    }

    static double ticks() {
        String scrape = when().get("/metrics").asString();
        for (String line : scrape.split("\n")) {
            if (line.startsWith(TICKS + " ")) {
                return Double.parseDouble(line.substring(TICKS.length() + 1));
            }
        }
        return 0.0;
    }
}
