package io.quarkiverse.pipelinedeployment.deployment.runs;

import java.util.function.BooleanSupplier;

import io.quarkiverse.pipelinedeployment.deployment.PipelineBuildTimeConfig;
import io.quarkiverse.pipelinedeployment.deployment.http.BuiltinEndpoint;

/**
 * Whether {@code quarkus.pipeline.endpoints} includes the runs endpoint.
 */
final class RunsEndpointEnabled implements BooleanSupplier {

    private final PipelineBuildTimeConfig config;

    RunsEndpointEnabled(PipelineBuildTimeConfig config) {
        this.config = config;
    }

    @Override
    public boolean getAsBoolean() {
        return BuiltinEndpoint.parse(config.endpoints()).contains(BuiltinEndpoint.RUNS);
    }
}
