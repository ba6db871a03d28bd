package io.quarkiverse.pipelinedeployment.deployment.execution;

import static io.quarkiverse.pipelinedeployment.deployment.PipelineTests.invokeRaw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.PipelineTests;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code max-recorded-steps=3}: the first three calls are listed, in call order, and the rest only counted.
 */
public class FewRecordedStepsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(RepeatingPipeline.class, PipelineTests.class,
                    MaxRecordedStepsTest.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.max-recorded-steps", "3");

    @Test
    void onlyTheFirstThreeAreListed() {
        double before = MaxRecordedStepsTest.ticks();
        invokeRaw("/invoke", "{\"parameters\": {\"times\": 1005}}").statusCode(200)
                .body("metadata.steps.name", contains("tick", "tick", "tick"))
                .body("metadata.steps.status", contains("completed", "completed", "completed"))
                .body("metadata.steps_omitted", equalTo(1002));
        assertThat(MaxRecordedStepsTest.ticks() - before).isEqualTo(1005.0);
        invokeRaw("/invoke", "{\"parameters\": {\"times\": 3}}").statusCode(200)
                .body("metadata.steps.name", contains("tick", "tick", "tick"))
                .body("metadata.steps_omitted", equalTo(null));
    }
}
