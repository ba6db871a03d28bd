package io.quarkiverse.pipelinedeployment.deployment.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A protected native router at the root path would guard every path of the application: the build fails.
 */
public class ProtectedRootRouterTest {

    static final String P = "quarkus.pipeline.custom-endpoints.x.";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, Routes.class))
            .overrideConfigKey(P + "path", "/")
            .overrideConfigKey(P + "handler", Routes.class.getName())
            .overrideConfigKey(P + "native", "true")
            .assertException(t -> assertThat(t).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("quarkus.pipeline.custom-endpoints.\"x\".auth-required=true would put every path")
                    .hasMessageContaining("auth-required=false"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    public static class Routes implements java.util.function.Consumer<io.vertx.ext.web.Router> {
        @Override
        public void accept(io.vertx.ext.web.Router router) {
            router.get("/r").handler(ctx -> ctx.end("r"));
        }
    }
}
