package io.quarkiverse.pipelinedeployment.deployment.observability;

import java.util.function.BooleanSupplier;

import io.quarkiverse.pipelinedeployment.deployment.PipelineBuildTimeConfig;
import io.quarkiverse.pipelinedeployment.deployment.http.BuiltinEndpoint;

/**
 * Whether {@code quarkus.pipeline.endpoints} includes the health endpoint.
 */
final class HealthEndpointEnabled implements BooleanSupplier {

    private final PipelineBuildTimeConfig config;

    HealthEndpointEnabled(PipelineBuildTimeConfig config) {
        this.config = config;
    }

    @Override
    public boolean getAsBoolean() {
        return BuiltinEndpoint.parse(config.endpoints()).contains(BuiltinEndpoint.HEALTH);
    }
}
