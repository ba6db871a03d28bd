package io.quarkiverse.pipelinedeployment.deployment.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code runs.lease=1s} (shorter than 3 s, so that it can be renewed every third of it) fails startup with a message naming the
 * property and the value.
 */
public class RunsConfigShortLeaseTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.runs.lease", "1s")
            .assertException(t -> {
                StringBuilder messages = new StringBuilder();
                for (Throwable cause = t; cause != null; cause = cause.getCause()) {
                    messages.append(cause.getMessage()).append('\n');
                }
                assertThat(messages.toString()).contains("quarkus.pipeline.runs.lease=1s is invalid: it must be at least 3s");
            });

    @Test
    void startupFails() {
        fail("The application should not have started");
    }
}
