package io.quarkiverse.pipelinedeployment.deployment.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An application without a @Pipeline method fails to build, with a message naming quarkus.pipeline.name.
 */
public class NoPipelineTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withEmptyApplication()
            .assertException(t -> assertThat(t).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("No @Pipeline method found")
                    .hasMessageContaining("quarkus.pipeline.name"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
