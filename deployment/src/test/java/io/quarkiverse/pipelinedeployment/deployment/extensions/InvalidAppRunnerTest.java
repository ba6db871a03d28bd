package io.quarkiverse.pipelinedeployment.deployment.extensions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An app-runner that does not extend DeploymentAppRunner fails the build, naming the property.
 */
public class InvalidAppRunnerTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideConfigKey("quarkus.pipeline.app-runner", ScoringPipeline.class.getName())
            .assertException(t -> assertThat(t).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("quarkus.pipeline.app-runner=" + ScoringPipeline.class.getName()
                            + " does not extend io.quarkiverse.pipelinedeployment.DeploymentAppRunner"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
