package io.quarkiverse.pipelinedeployment.deployment;

import java.util.Map;
import java.util.Optional;

import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The resolved built-in endpoints: each enabled endpoint with its path composed from {@code root-path},
 * {@code api-path} and its own path (relative to {@code quarkus.http.root-path}). Produced by
 * {@code PipelineEndpointsProcessor.collectEndpoints}, consumed by the gates' route steps.
 */
final class PipelineEndpointsBuildItem extends SimpleBuildItem {

    private final String rootPath;
    private final String apiPath;
    private final Map<BuiltinEndpoint, String> paths;

    PipelineEndpointsBuildItem(String rootPath, String apiPath, Map<BuiltinEndpoint, String> paths) {
        this.rootPath = rootPath;
        this.apiPath = apiPath;
        this.paths = Map.copyOf(paths);
    }

    /** {@code quarkus.pipeline.root-path}, normalized: empty or {@code /prefix}. */
    String rootPath() {
        return rootPath;
    }

    /** {@code quarkus.pipeline.api-path}, normalized: empty or {@code /prefix}. */
    String apiPath() {
        return apiPath;
    }

    boolean isEnabled(BuiltinEndpoint endpoint) {
        return paths.containsKey(endpoint);
    }

    /** The composed path of an enabled endpoint, starting with {@code /}. */
    Optional<String> path(BuiltinEndpoint endpoint) {
        return Optional.ofNullable(paths.get(endpoint));
    }
}
