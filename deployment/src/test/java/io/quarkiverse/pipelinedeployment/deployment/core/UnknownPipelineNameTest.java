package io.quarkiverse.pipelinedeployment.deployment.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * quarkus.pipeline.name naming no pipeline fails the build, naming the property and the pipelines found.
 */
public class UnknownPipelineNameTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideConfigKey("quarkus.pipeline.name", "churn")
            .assertException(t -> assertThat(t).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("quarkus.pipeline.name=churn names no @Pipeline method")
                    .hasMessageContaining("'fraud_scoring'"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
