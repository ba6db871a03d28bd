package io.quarkiverse.pipelinedeployment.runtime;

import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RecordableConstructor;

/**
 * Facts about the build the deployment runs, recorded at build time.
 */
public final class BuildMetadata {

    private final String snapshotId;
    private final String snapshotName;
    private final String applicationName;
    private final String applicationVersion;
    private final String quarkusVersion;
    private final Map<String, String> endpointPaths;
    private final Map<String, String> endpointMethods;
    private final List<String> customEndpoints;
    private final List<String> middlewares;

    /**
     * @param snapshotId identifies the build; stable across restarts of the same build
     * @param endpointPaths the served built-in endpoints: name to full composed path, in display order
     * @param endpointMethods the served built-in endpoints: name to comma-separated HTTP methods
     * @param customEndpoints the custom endpoints, each {@code name TAB method TAB full path}
     * @param middlewares the middleware, outermost first, each {@code name TAB kind TAB order TAB reference}
     */
    @RecordableConstructor
    public BuildMetadata(String snapshotId, String snapshotName, String applicationName, String applicationVersion,
            String quarkusVersion, Map<String, String> endpointPaths, Map<String, String> endpointMethods,
            List<String> customEndpoints, List<String> middlewares) {
        this.snapshotId = snapshotId;
        this.snapshotName = snapshotName;
        this.applicationName = applicationName;
        this.applicationVersion = applicationVersion;
        this.quarkusVersion = quarkusVersion;
        this.endpointPaths = endpointPaths;
        this.endpointMethods = endpointMethods;
        this.customEndpoints = customEndpoints;
        this.middlewares = middlewares;
    }

    public String getSnapshotId() {
        return snapshotId;
    }

    public String getSnapshotName() {
        return snapshotName;
    }

    public String getApplicationName() {
        return applicationName;
    }

    public String getApplicationVersion() {
        return applicationVersion;
    }

    public String getQuarkusVersion() {
        return quarkusVersion;
    }

    public Map<String, String> getEndpointPaths() {
        return endpointPaths;
    }

    public Map<String, String> getEndpointMethods() {
        return endpointMethods;
    }

    public List<String> getCustomEndpoints() {
        return customEndpoints;
    }

    public List<String> getMiddlewares() {
        return middlewares;
    }
}
