package io.quarkiverse.pipelinedeployment.deployment;

import java.util.function.BooleanSupplier;

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
