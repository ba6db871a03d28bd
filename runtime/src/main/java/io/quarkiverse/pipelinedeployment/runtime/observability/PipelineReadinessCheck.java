package io.quarkiverse.pipelinedeployment.runtime.observability;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import io.quarkiverse.pipelinedeployment.DeploymentService;

/**
 * The deployment's readiness check, named exactly after the pipeline: DOWN from the start of shutdown, with
 * {@code "reason": "shutting down"} in its data, while the runs in flight drain; otherwise UP while
 * {@link DeploymentService#health()} says so. Same data as {@link PipelineHealthCheck}.
 */
@Readiness
@Singleton
public class PipelineReadinessCheck implements HealthCheck {

    /** The {@code reason} given while the application shuts down. */
    public static final String SHUTTING_DOWN = "shutting down";

    @Inject
    @Liveness
    PipelineHealthCheck liveness;

    @Override
    public HealthCheckResponse call() {
        return liveness.readiness();
    }
}
