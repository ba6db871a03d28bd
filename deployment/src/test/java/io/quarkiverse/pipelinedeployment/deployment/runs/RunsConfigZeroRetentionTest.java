package io.quarkiverse.pipelinedeployment.deployment.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code runs.retention=0s} fails startup with a message naming the property and the value.
 */
public class RunsConfigZeroRetentionTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.runs.retention", "0s")
            .assertException(t -> {
                StringBuilder messages = new StringBuilder();
                for (Throwable cause = t; cause != null; cause = cause.getCause()) {
                    messages.append(cause.getMessage()).append('\n');
                }
                assertThat(messages.toString()).contains("quarkus.pipeline.runs.retention=0s is invalid");
            });

    @Test
    void startupFails() {
        fail("The application should not have started");
    }
}
