package io.quarkiverse.pipelinedeployment.runtime;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import io.quarkiverse.pipelinedeployment.DeploymentService;

/**
 * The deployment's health check, named exactly after the pipeline: UP while {@link DeploymentService#health()} says
 * so, with the pipeline name, the deployment id and the uptime as data. Cheap and non-blocking, so health answers
 * fast even while every invocation thread is busy.
 */
@Liveness
@Readiness
@Singleton
public class PipelineHealthCheck implements HealthCheck {

    @Inject
    DeploymentService service;

    @Inject
    PipelineRuntime runtime;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(runtime.definition().getName())
                .status(service.health())
                .withData("pipeline_name", runtime.definition().getName())
                .withData("deployment_id", runtime.deploymentId())
                .withData("uptime", (long) runtime.uptime())
                .build();
    }
}
