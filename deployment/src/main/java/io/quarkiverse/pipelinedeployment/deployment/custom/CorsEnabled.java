package io.quarkiverse.pipelinedeployment.deployment.custom;

import java.util.function.BooleanSupplier;

import io.quarkiverse.pipelinedeployment.deployment.PipelineBuildTimeConfig;

/**
 * Whether {@code quarkus.pipeline.middleware} includes the CORS filter.
 */
final class CorsEnabled implements BooleanSupplier {

    private final PipelineBuildTimeConfig config;

    CorsEnabled(PipelineBuildTimeConfig config) {
        this.config = config;
    }

    @Override
    public boolean getAsBoolean() {
        return BuiltinMiddleware.parse(config.middleware()).contains(BuiltinMiddleware.CORS);
    }
}
