package io.quarkiverse.pipelinedeployment.deployment.http;

import java.util.function.BooleanSupplier;

import io.quarkiverse.pipelinedeployment.deployment.PipelineBuildTimeConfig;

/**
 * Whether {@code quarkus.pipeline.endpoints} includes the info endpoint.
 */
final class InfoEndpointEnabled implements BooleanSupplier {

    private final PipelineBuildTimeConfig config;

    InfoEndpointEnabled(PipelineBuildTimeConfig config) {
        this.config = config;
    }

    @Override
    public boolean getAsBoolean() {
        return BuiltinEndpoint.parse(config.endpoints()).contains(BuiltinEndpoint.INFO);
    }
}
