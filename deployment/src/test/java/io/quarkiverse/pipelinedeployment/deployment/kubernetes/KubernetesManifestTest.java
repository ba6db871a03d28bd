package io.quarkiverse.pipelinedeployment.deployment.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * With {@code quarkus-kubernetes} in the application, the generated {@code kubernetes.yml} probes the deployment's
 * {@code <health>/live} and {@code <health>/ready} and annotates the scrape path with its {@code <metrics>}, all
 * composed from {@code quarkus.http.root-path}, {@code root-path} and {@code api-path}.
 */
public class KubernetesManifestTest {

    @RegisterExtension
    static final QuarkusProdModeTest config = new QuarkusProdModeTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .setApplicationName("scoring")
            .setApplicationVersion("0.1")
            .overrideConfigKey("quarkus.http.root-path", "/svc")
            .overrideConfigKey("quarkus.pipeline.root-path", "/fraud")
            .overrideConfigKey("quarkus.pipeline.api-path", "/v1")
            .overrideConfigKey("quarkus.pipeline.health-path", "/healthz")
            .overrideConfigKey("quarkus.pipeline.metrics-path", "/prom")
            .setForcedDependencies(List.of(Dependency.of("io.quarkus", "quarkus-kubernetes", Version.getVersion())));

    @ProdBuildResults
    ProdModeTestResults results;

    @Test
    void probesAndScrapeAnnotationsUseTheComposedPaths() throws IOException {
        Path manifest = results.getBuildDir().resolve("kubernetes").resolve("kubernetes.yml");
        assertThat(manifest).isRegularFile();
        String yaml = Files.readString(manifest);
        // Liveness and readiness on the deployment's health, not SmallRye Health's /q/health/*
        assertThat(yaml).contains("path: /svc/fraud/v1/healthz/live", "path: /svc/fraud/v1/healthz/ready")
                .doesNotContain("/q/health/live", "/q/health/ready");
        // The scrape annotations on the deployment's metrics, not Micrometer's /q/metrics
        assertThat(yaml).contains("prometheus.io/scrape: \"true\"", "prometheus.io/path: /svc/fraud/v1/prom")
                .doesNotContain("prometheus.io/path: /q/metrics");
    }
}
