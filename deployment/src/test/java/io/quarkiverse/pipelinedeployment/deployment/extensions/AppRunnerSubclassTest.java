package io.quarkiverse.pipelinedeployment.deployment.extensions;

import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.AppRunner;
import io.quarkiverse.pipelinedeployment.DeploymentAppRunner;
import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * app-runner names a DeploymentAppRunner subclass: it is the AppRunner everyone gets, reads app-runner-args, and its
 * flavor is reported in /info.
 */
public class AppRunnerSubclassTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, TracingRunner.class))
            .overrideConfigKey("quarkus.pipeline.app-runner", TracingRunner.class.getName())
            .overrideRuntimeConfigKey("quarkus.pipeline.app-runner-args.tracer", "otlp");

    @Inject
    AppRunner runner;

    @Test
    void theSubclassIsTheRunner() {
        assertThat(runner).isInstanceOf(TracingRunner.class);
        assertThat(runner.flavor()).isEqualTo("vertx-otlp");
        assertThat(runner.endpoints()).isNotEmpty();
        when().get("/info").then().statusCode(200).body("app.app_runner_flavor", equalTo("vertx-otlp"));
    }

    public static class TracingRunner extends DeploymentAppRunner {
        @Override
        public String flavor() {
            return "vertx-" + args().get("tracer");
        }
    }
}
