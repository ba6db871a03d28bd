package io.quarkiverse.pipelinedeployment.deployment.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A startup hook that throws stops the application from starting.
 */
public class FailingStartupHookTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, Hooks.class))
            .overrideConfigKey("quarkus.pipeline.startup-hook", Hooks.class.getName() + "#warmUp")
            .assertException(t -> {
                Throwable root = t;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                assertThat(root).isInstanceOf(IllegalStateException.class).hasMessage("model store unreachable");
            });

    @Test
    void applicationDoesNotStart() {
        fail("The application should not have started");
    }

    public static class Hooks {
        public static void warmUp() {
            throw new IllegalStateException("model store unreachable");
        }
    }
}
