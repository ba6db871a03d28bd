package io.quarkiverse.pipelinedeployment.deployment.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.PipelineParam;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A @PipelineParam(defaultValue) that is not a value of the parameter's type fails the build, naming the parameter.
 */
public class InvalidDefaultValueTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(BadDefaultPipeline.class))
            .assertException(t -> assertThat(t).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("@PipelineParam(defaultValue = \"lots\")")
                    .hasMessageContaining("parameter 'limit'")
                    .hasMessageContaining("integer"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    public static class BadDefaultPipeline {
        @Pipeline
        public int run(@PipelineParam(defaultValue = "lots") int limit) {
            return limit;
        }
    }
}
