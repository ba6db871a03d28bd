package io.quarkiverse.pipelinedeployment.deployment.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A native endpoint must be a class: a Class#method reference with native=true fails the build.
 */
public class NativeMethodEndpointTest {

    static final String P = "quarkus.pipeline.custom-endpoints.x.";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideConfigKey(P + "path", "/x")
            .overrideConfigKey(P + "handler", ScoringPipeline.class.getName() + "#score")
            .overrideConfigKey(P + "native", "true")
            .assertException(t -> assertThat(t).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("quarkus.pipeline.custom-endpoints.\"x\".handler=")
                    .hasMessageContaining("a native endpoint is a class"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

}
