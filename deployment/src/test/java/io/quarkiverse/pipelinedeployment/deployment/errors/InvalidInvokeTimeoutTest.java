package io.quarkiverse.pipelinedeployment.deployment.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code invoke-timeout=0s} would time every run out at once: the application does not start, and says which key is
 * wrong.
 */
public class InvalidInvokeTimeoutTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.invoke-timeout", "0s")
            .assertException(t -> assertThat(rootConfigurationException(t))
                    .hasMessageContaining("quarkus.pipeline.invoke-timeout")
                    .hasMessageContaining("greater than 0"));

    /** The ConfigurationException that stopped the start (thrown in the application's class loader). */
    static Throwable rootConfigurationException(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getClass().getName().equals(ConfigurationException.class.getName())) {
                return c;
            }
        }
        throw new AssertionError("No ConfigurationException in the causes of " + t, t);
    }

    @Test
    void startupFails() {
        fail("The application should not have started");
    }
}
