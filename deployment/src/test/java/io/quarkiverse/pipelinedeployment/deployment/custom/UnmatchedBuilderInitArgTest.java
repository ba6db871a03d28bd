package io.quarkiverse.pipelinedeployment.deployment.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An init-arg that names no parameter of a builder method fails the build, naming the init-arg's property.
 */
public class UnmatchedBuilderInitArgTest {

    static final String P = "quarkus.pipeline.custom-endpoints.x.";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, Builders.class))
            .overrideConfigKey(P + "path", "/x")
            .overrideConfigKey(P + "handler", Builders.class.getName() + "#build")
            .overrideConfigKey(P + "init-args.model-path", "/m")
            .overrideConfigKey(P + "init-args.colour", "red")
            .assertException(t -> assertThat(t).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("quarkus.pipeline.custom-endpoints.\"x\".init-args.\"colour\" names no parameter of")
                    .hasMessageContaining("[modelPath]"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    public static class Builders {
        public static io.vertx.core.Handler<io.vertx.ext.web.RoutingContext> build(
                io.quarkiverse.pipelinedeployment.AppRunner runner, String modelPath) {
            return ctx -> ctx.end(modelPath);
        }
    }
}
