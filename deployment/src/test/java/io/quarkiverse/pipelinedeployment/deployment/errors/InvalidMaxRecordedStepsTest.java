package io.quarkiverse.pipelinedeployment.deployment.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code max-recorded-steps=0} is refused at startup, naming the key.
 */
public class InvalidMaxRecordedStepsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, InvalidInvokeTimeoutTest.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.max-recorded-steps", "0")
            .assertException(t -> assertThat(InvalidInvokeTimeoutTest.rootConfigurationException(t))
                    .hasMessageContaining("quarkus.pipeline.max-recorded-steps")
                    .hasMessageContaining("at least 1"));

    @Test
    void startupFails() {
        fail("The application should not have started");
    }
}
