package io.quarkiverse.pipelinedeployment.deployment.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An argument that matches no parameter of the hook fails the build, naming the argument's property.
 */
public class UnknownHookArgumentTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, Hooks.class))
            .overrideConfigKey("quarkus.pipeline.startup-hook", Hooks.class.getName() + "#onStartup")
            .overrideConfigKey("quarkus.pipeline.startup-hook-args.colour", "blue")
            .assertException(t -> assertThat(t).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("quarkus.pipeline.startup-hook-args.colour names no parameter of"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    public static class Hooks {
        public static void onStartup(boolean warm) {
        }
    }
}
