package io.quarkiverse.pipelinedeployment.deployment.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.Step;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A private @Step cannot be intercepted: the build fails, naming the method.
 */
public class PrivateStepTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(PrivateStepPipeline.class))
            .assertException(t -> assertThat(t).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("@Step method")
                    .hasMessageContaining("PrivateStepPipeline#hidden")
                    .hasMessageContaining("private or static"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    public static class PrivateStepPipeline {
        @Step
        private int hidden(int x) {
            return x;
        }

        @Pipeline
        public int run(int x) {
            return hidden(x);
        }
    }
}
