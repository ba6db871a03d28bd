package io.quarkiverse.pipelinedeployment.deployment.http;

import java.util.function.BooleanSupplier;

import io.quarkiverse.pipelinedeployment.deployment.PipelineBuildTimeConfig;

/**
 * Whether {@code quarkus.pipeline.endpoints} includes the dashboard.
 */
final class DashboardEndpointEnabled implements BooleanSupplier {

    private final PipelineBuildTimeConfig config;

    DashboardEndpointEnabled(PipelineBuildTimeConfig config) {
        this.config = config;
    }

    @Override
    public boolean getAsBoolean() {
        return BuiltinEndpoint.parse(config.endpoints()).contains(BuiltinEndpoint.DASHBOARD);
    }
}
