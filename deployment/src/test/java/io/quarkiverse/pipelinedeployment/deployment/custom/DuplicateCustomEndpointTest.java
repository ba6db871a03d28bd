package io.quarkiverse.pipelinedeployment.deployment.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Two custom endpoints on one method and path fail the build, naming both.
 */
public class DuplicateCustomEndpointTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, CustomEndpointsTest.Endpoints.class))
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.a.path", "/items/{id}")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.a.handler",
                    CustomEndpointsTest.Endpoints.class.getName() + "#item")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.b.path", "/items/{key}")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.b.handler",
                    CustomEndpointsTest.Endpoints.class.getName() + "#item")
            .assertException(t -> assertThat(t).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("quarkus.pipeline.custom-endpoints.\"")
                    .hasMessageContaining("both declare GET /items/"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
