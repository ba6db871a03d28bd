package io.quarkiverse.pipelinedeployment.deployment.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A custom endpoint whose handler method does not exist fails the build, naming the property.
 */
public class UnknownCustomEndpointHandlerTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.x.path", "/x")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.x.handler", ScoringPipeline.class.getName() + "#nope")
            .assertException(t -> assertThat(t).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("quarkus.pipeline.custom-endpoints.\"x\".handler=")
                    .hasMessageContaining("has no method nope"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
