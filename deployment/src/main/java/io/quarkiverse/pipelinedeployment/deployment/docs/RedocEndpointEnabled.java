package io.quarkiverse.pipelinedeployment.deployment.docs;

import java.util.function.BooleanSupplier;

import io.quarkiverse.pipelinedeployment.deployment.PipelineBuildTimeConfig;
import io.quarkiverse.pipelinedeployment.deployment.http.BuiltinEndpoint;

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
