package io.quarkiverse.pipelinedeployment.deployment.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Init-args given to a direct method, which takes none, fail the build naming the init-arg's property.
 */
public class InitArgsOnDirectMethodTest {

    static final String P = "quarkus.pipeline.custom-endpoints.x.";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, Endpoints.class))
            .overrideConfigKey(P + "path", "/x")
            .overrideConfigKey(P + "handler", Endpoints.class.getName() + "#health")
            .overrideConfigKey(P + "init-args.verbose", "true")
            .assertException(t -> assertThat(t).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("quarkus.pipeline.custom-endpoints.\"x\".init-args.\"verbose\" names no parameter")
                    .hasMessageContaining("is a direct method"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    public static class Endpoints {
        public static String health() {
            return "ok";
        }
    }
}
