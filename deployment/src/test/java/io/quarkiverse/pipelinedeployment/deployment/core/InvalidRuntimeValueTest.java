package io.quarkiverse.pipelinedeployment.deployment.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An invalid run-time value still fails startup, naming the key (empty values take their defaults, invalid ones
 * do not).
 */
public class InvalidRuntimeValueTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.thread-pool-size", "lots")
            .assertException(t -> {
                StringBuilder messages = new StringBuilder();
                for (Throwable cause = t; cause != null; cause = cause.getCause()) {
                    messages.append(cause.getMessage()).append('\n');
                }
                assertThat(messages.toString()).contains("quarkus.pipeline.thread-pool-size").contains("lots");
            });

    @Test
    void startupFails() {
        fail("The application should not have started");
    }
}
