package io.quarkiverse.pipelinedeployment.deployment.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code runs.store=redis} without the Redis run store's extension fails the build, naming the property and the
 * extension to add.
 */
public class RunsStoreRedisWithoutExtensionTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideConfigKey("quarkus.pipeline.runs.store", "redis")
            .assertException(t -> {
                Throwable cause = t;
                while (cause != null && !(cause instanceof ConfigurationException)) {
                    cause = cause.getCause();
                }
                assertThat(cause).as("a ConfigurationException in %s", t).isNotNull();
                assertThat(cause.getMessage()).contains("quarkus.pipeline.runs.store=redis")
                        .contains("io.quarkiverse.pipelinedeployment:quarkus-pipeline-deployment-redis");
            });

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
