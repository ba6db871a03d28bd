package io.quarkiverse.pipelinedeployment.deployment.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A middleware method with the wrong signature fails the build, naming the property.
 */
public class InvalidMiddlewareTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, Functions.class))
            .overrideConfigKey("quarkus.pipeline.custom-middlewares.bad.class", Functions.class.getName() + "#wrong")
            .assertException(t -> assertThat(t).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("quarkus.pipeline.custom-middlewares.\"bad\".class=")
                    .hasMessageContaining("(RoutingContext, Map<String, String>)"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    public static class Functions {
        public static void wrong(String s) {
        }
    }
}
