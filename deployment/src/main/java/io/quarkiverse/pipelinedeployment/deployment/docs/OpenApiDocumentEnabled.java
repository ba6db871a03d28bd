package io.quarkiverse.pipelinedeployment.deployment.docs;

import java.util.Set;
import java.util.function.BooleanSupplier;

import io.quarkiverse.pipelinedeployment.deployment.PipelineBuildTimeConfig;
import io.quarkiverse.pipelinedeployment.deployment.http.BuiltinEndpoint;

/**
 * Whether {@code <root>/openapi.json} is served: when {@code quarkus.pipeline.endpoints} includes docs or redoc.
 */
final class OpenApiDocumentEnabled implements BooleanSupplier {

    private final PipelineBuildTimeConfig config;

    OpenApiDocumentEnabled(PipelineBuildTimeConfig config) {
        this.config = config;
    }

    @Override
    public boolean getAsBoolean() {
        Set<BuiltinEndpoint> endpoints = BuiltinEndpoint.parse(config.endpoints());
        return endpoints.contains(BuiltinEndpoint.DOCS) || endpoints.contains(BuiltinEndpoint.REDOC);
    }
}
