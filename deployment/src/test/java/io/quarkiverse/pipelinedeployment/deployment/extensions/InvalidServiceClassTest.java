package io.quarkiverse.pipelinedeployment.deployment.extensions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A service-class that is not a DeploymentService fails the build, naming the property.
 */
public class InvalidServiceClassTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideConfigKey("quarkus.pipeline.service-class", ScoringPipeline.class.getName())
            .assertException(t -> assertThat(t).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("quarkus.pipeline.service-class=" + ScoringPipeline.class.getName()
                            + " does not implement io.quarkiverse.pipelinedeployment.DeploymentService"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
