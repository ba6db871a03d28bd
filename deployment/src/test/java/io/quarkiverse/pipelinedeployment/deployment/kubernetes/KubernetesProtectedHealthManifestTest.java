package io.quarkiverse.pipelinedeployment.deployment.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.builder.Version;
import io.quarkus.maven.dependency.Dependency;
import io.quarkus.test.ProdBuildResults;
import io.quarkus.test.ProdModeTestResults;
import io.quarkus.test.QuarkusProdModeTest;

/**
 * Health and metrics in {@code quarkus.pipeline.auth.protected-endpoints}: the manifests keep SmallRye Health's and
 * Micrometer's paths (which need the key too now; the build warns that probes send none).
 */
public class KubernetesProtectedHealthManifestTest {

    @RegisterExtension
    static final QuarkusProdModeTest config = new QuarkusProdModeTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .setApplicationName("scoring")
            .setApplicationVersion("0.1")
            .overrideConfigKey("quarkus.pipeline.auth.protected-endpoints", "invoke,health,metrics")
            .setLogRecordPredicate(r -> r.getLoggerName().endsWith("PipelineKubernetesProcessor"))
            .setForcedDependencies(List.of(Dependency.of("io.quarkus", "quarkus-kubernetes", Version.getVersion())));

    @ProdBuildResults
    ProdModeTestResults results;

    @Test
    void probesAndScrapeKeepQuarkusPathsAndTheBuildWarns() throws IOException {
        String yaml = Files.readString(results.getBuildDir().resolve("kubernetes").resolve("kubernetes.yml"));
        assertThat(yaml).contains("path: /q/health/live", "path: /q/health/ready", "prometheus.io/path: /q/metrics")
                .doesNotContain("path: /health/live");
        assertThat(results.getRetainedBuildLogRecords()).anySatisfy(r -> assertThat(r.getMessage())
                .contains("Kubernetes probes send no API key").contains("quarkus.management.enabled=true"));
    }
}
