package io.quarkiverse.pipelinedeployment.deployment.http;

import java.util.function.BooleanSupplier;

import io.quarkiverse.pipelinedeployment.deployment.PipelineBuildTimeConfig;

/**
 * Whether {@code quarkus.pipeline.endpoints} includes the invoke endpoint.
 */
final class InvokeEndpointEnabled implements BooleanSupplier {

    private final PipelineBuildTimeConfig config;

    InvokeEndpointEnabled(PipelineBuildTimeConfig config) {
        this.config = config;
    }

    @Override
    public boolean getAsBoolean() {
        return BuiltinEndpoint.parse(config.endpoints()).contains(BuiltinEndpoint.INVOKE);
    }
}
