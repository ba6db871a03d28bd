package io.quarkiverse.pipelinedeployment.deployment.extensions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An extension class that does not exist fails the build, naming the property.
 */
public class UnknownExtensionClassTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideConfigKey("quarkus.pipeline.extensions.auth.class", "com.acme.FastAuth")
            .assertException(t -> assertThat(t).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("quarkus.pipeline.extensions.\"auth\".class=com.acme.FastAuth")
                    .hasMessageContaining("no such class"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
