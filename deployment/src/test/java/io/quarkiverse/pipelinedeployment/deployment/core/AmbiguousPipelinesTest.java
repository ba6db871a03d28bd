package io.quarkiverse.pipelinedeployment.deployment.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.OtherPipeline;
import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Two @Pipeline methods and no quarkus.pipeline.name: the build fails, listing both and naming the property.
 */
public class AmbiguousPipelinesTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, OtherPipeline.class))
            .assertException(t -> assertThat(t).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("Found 2 @Pipeline methods")
                    .hasMessageContaining("'fraud_scoring'")
                    .hasMessageContaining("'other'")
                    .hasMessageContaining("set quarkus.pipeline.name"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
