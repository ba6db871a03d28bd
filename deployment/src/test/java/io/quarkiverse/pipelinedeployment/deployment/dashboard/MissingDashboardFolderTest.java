package io.quarkiverse.pipelinedeployment.deployment.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A dashboard-files-path that is not a folder fails the build, naming the property.
 */
public class MissingDashboardFolderTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideConfigKey("quarkus.pipeline.dashboard-files-path", "/nonexistent/web")
            .assertException(t -> assertThat(t).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("quarkus.pipeline.dashboard-files-path=/nonexistent/web")
                    .hasMessageContaining("is not a directory"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
