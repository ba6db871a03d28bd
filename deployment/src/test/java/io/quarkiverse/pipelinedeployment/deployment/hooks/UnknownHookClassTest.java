package io.quarkiverse.pipelinedeployment.deployment.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A hook naming a class that does not exist fails the build, naming the property.
 */
public class UnknownHookClassTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideConfigKey("quarkus.pipeline.startup-hook", "com.acme.Missing#onStartup")
            .assertException(t -> assertThat(t).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("quarkus.pipeline.startup-hook=com.acme.Missing#onStartup")
                    .hasMessageContaining("no class com.acme.Missing"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
