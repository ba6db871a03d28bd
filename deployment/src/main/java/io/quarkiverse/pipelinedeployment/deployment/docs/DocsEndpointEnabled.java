package io.quarkiverse.pipelinedeployment.deployment.docs;

import java.util.function.BooleanSupplier;

import io.quarkiverse.pipelinedeployment.deployment.PipelineBuildTimeConfig;
import io.quarkiverse.pipelinedeployment.deployment.http.BuiltinEndpoint;

/**
 * Whether {@code quarkus.pipeline.endpoints} includes the docs endpoint.
 */
final class DocsEndpointEnabled implements BooleanSupplier {

    private final PipelineBuildTimeConfig config;

    DocsEndpointEnabled(PipelineBuildTimeConfig config) {
        this.config = config;
    }

    @Override
    public boolean getAsBoolean() {
        return BuiltinEndpoint.parse(config.endpoints()).contains(BuiltinEndpoint.DOCS);
    }
}
