package io.quarkiverse.pipelinedeployment.deployment.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A native JAX-RS resource with a class-level @Path (which Quarkus REST would serve there too) fails the build.
 */
public class ResourceWithClassPathTest {

    static final String P = "quarkus.pipeline.custom-endpoints.x.";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, Resource.class))
            .overrideConfigKey(P + "path", "/x")
            .overrideConfigKey(P + "handler", Resource.class.getName())
            .overrideConfigKey(P + "native", "true")
            .assertException(t -> assertThat(t).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("quarkus.pipeline.custom-endpoints.\"x\".handler=")
                    .hasMessageContaining("has a class-level @Path"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    @jakarta.ws.rs.Path("/r")
    public static class Resource {
        @jakarta.ws.rs.GET
        public String get() {
            return "r";
        }
    }
}
