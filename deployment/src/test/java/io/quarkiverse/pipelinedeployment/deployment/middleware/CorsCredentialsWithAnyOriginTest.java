package io.quarkiverse.pipelinedeployment.deployment.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * allow-credentials=true with the origin * fails at startup, naming both keys.
 */
public class CorsCredentialsWithAnyOriginTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.cors.allow-credentials", "true")
            .assertException(t -> {
                Throwable root = t;
                while (root.getCause() != null && !root.getMessage().contains("allow-credentials")) {
                    root = root.getCause();
                }
                assertThat(root.getMessage())
                        .contains("quarkus.pipeline.cors.allow-credentials=true")
                        .contains("quarkus.pipeline.cors.allow-origins=*");
            });

    @Test
    void startupFails() {
        fail("The application should not have started");
    }
}
