package io.quarkiverse.pipelinedeployment.deployment;

import java.util.function.BooleanSupplier;

/**
 * Whether {@code quarkus.pipeline.endpoints} includes the redoc endpoint.
 */
final class RedocEndpointEnabled implements BooleanSupplier {

    private final PipelineBuildTimeConfig config;

    RedocEndpointEnabled(PipelineBuildTimeConfig config) {
        this.config = config;
    }

    @Override
    public boolean getAsBoolean() {
        return BuiltinEndpoint.parse(config.endpoints()).contains(BuiltinEndpoint.REDOC);
    }
}
