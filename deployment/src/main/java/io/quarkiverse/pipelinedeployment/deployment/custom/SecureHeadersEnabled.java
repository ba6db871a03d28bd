package io.quarkiverse.pipelinedeployment.deployment.custom;

import java.util.function.BooleanSupplier;

import io.quarkiverse.pipelinedeployment.deployment.PipelineBuildTimeConfig;

/**
 * Whether {@code quarkus.pipeline.middleware} includes the secure-headers filter.
 */
final class SecureHeadersEnabled implements BooleanSupplier {

    private final PipelineBuildTimeConfig config;

    SecureHeadersEnabled(PipelineBuildTimeConfig config) {
        this.config = config;
    }

    @Override
    public boolean getAsBoolean() {
        return BuiltinMiddleware.parse(config.middleware()).contains(BuiltinMiddleware.SECURE_HEADERS);
    }
}
