package io.quarkiverse.pipelinedeployment.deployment.core;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.AppRunner;
import io.quarkiverse.pipelinedeployment.DeploymentService;
import io.quarkiverse.pipelinedeployment.EndpointDescriptor;
import io.quarkiverse.pipelinedeployment.PipelineDeploymentService;
import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The AppRunner and the built-in DeploymentService are injectable beans.
 */
public class AppRunnerTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideConfigKey("quarkus.pipeline.api-path", "/api");

    @Inject
    AppRunner runner;

    @Inject
    DeploymentService service;

    @Test
    void runnerExposesTheDeployment() {
        assertThat(runner.flavor()).isEqualTo("vertx");
        assertThat(runner.router()).isNotNull();
        assertThat(runner.service()).isSameAs(service).isInstanceOf(PipelineDeploymentService.class);
        assertThat(runner.deployment().pipeline().name()).isEqualTo("fraud_scoring");
        assertThat(runner.endpoints()).extracting(EndpointDescriptor::name, EndpointDescriptor::path)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("docs", "/docs"),
                        org.assertj.core.groups.Tuple.tuple("redoc", "/redoc"),
                        org.assertj.core.groups.Tuple.tuple("invoke", "/api/invoke"),
                        org.assertj.core.groups.Tuple.tuple("runs", "/api/runs"),
                        org.assertj.core.groups.Tuple.tuple("health", "/api/health"),
                        org.assertj.core.groups.Tuple.tuple("info", "/api/info"),
                        org.assertj.core.groups.Tuple.tuple("metrics", "/api/metrics"),
                        org.assertj.core.groups.Tuple.tuple("dashboard", "/"));
        assertThat(runner.endpoints().get(2).methods()).containsExactly("POST");
        assertThat(service.health()).isTrue();
    }
}
