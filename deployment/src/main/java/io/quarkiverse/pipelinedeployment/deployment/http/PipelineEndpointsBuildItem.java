package io.quarkiverse.pipelinedeployment.deployment.http;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The resolved built-in endpoints: each enabled endpoint with its path composed from {@code root-path},
 * {@code api-path} and its own path (relative to {@code quarkus.http.root-path}). Produced by
 * {@code PipelineEndpointsProcessor.collectEndpoints}, consumed by the gates' route steps.
 */
public final class PipelineEndpointsBuildItem extends SimpleBuildItem {

    private final String rootPath;
    private final String apiPath;
    private final Map<BuiltinEndpoint, String> paths;
    private final Set<BuiltinEndpoint> protectedEndpoints;

    PipelineEndpointsBuildItem(String rootPath, String apiPath, Map<BuiltinEndpoint, String> paths,
            Set<BuiltinEndpoint> protectedEndpoints) {
        this.rootPath = rootPath;
        this.apiPath = apiPath;
        this.paths = Map.copyOf(paths);
        this.protectedEndpoints = Set.copyOf(protectedEndpoints);
    }

    /** Whether the endpoint requires an API key when keys are configured. */
    public boolean isProtected(BuiltinEndpoint endpoint) {
        return protectedEndpoints.contains(endpoint);
    }

    /** {@code quarkus.pipeline.root-path}, normalized: empty or {@code /prefix}. */
    public String rootPath() {
        return rootPath;
    }

    /** {@code quarkus.pipeline.api-path}, normalized: empty or {@code /prefix}. */
    public String apiPath() {
        return apiPath;
    }

    public boolean isEnabled(BuiltinEndpoint endpoint) {
        return paths.containsKey(endpoint);
    }

    /** The composed path of an enabled endpoint, starting with {@code /}. */
    public Optional<String> path(BuiltinEndpoint endpoint) {
        return Optional.ofNullable(paths.get(endpoint));
    }
}
