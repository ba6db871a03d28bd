package io.quarkiverse.pipelinedeployment.runtime.observability;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

import io.quarkiverse.pipelinedeployment.DeploymentService;
import io.quarkiverse.pipelinedeployment.runtime.engine.PipelineRuntime;

/**
 * The deployment's liveness check, named exactly after the pipeline: UP while {@link DeploymentService#health()} says
 * so, shutdown included (a draining instance is alive), with the pipeline name, the deployment id and the uptime as
 * data. Its readiness counterpart is {@link PipelineReadinessCheck}. Cheap and non-blocking, so health answers fast
 * even while every invocation thread is busy.
 */
@Liveness
@Singleton
public class PipelineHealthCheck implements HealthCheck {

    @Inject
    DeploymentService service;

    @Inject
    PipelineRuntime runtime;

    @Override
    public HealthCheckResponse call() {
        return named(runtime).status(service.health()).build();
    }

    /** The readiness answer: DOWN from the start of shutdown, the liveness answer otherwise. */
    HealthCheckResponse readiness() {
        if (runtime.stopping()) {
            return named(runtime).down().withData("reason", PipelineReadinessCheck.SHUTTING_DOWN).build();
        }
        return call();
    }

    /** A response named after the pipeline, with its data. */
    private static HealthCheckResponseBuilder named(PipelineRuntime runtime) {
        return HealthCheckResponse.named(runtime.definition().getName())
                .withData("pipeline_name", runtime.definition().getName())
                .withData("deployment_id", runtime.deploymentId())
                .withData("uptime", (long) runtime.uptime());
    }
}
