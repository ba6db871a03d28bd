package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.util.List;

import io.quarkiverse.pipelinedeployment.EndpointDescriptor;
import io.quarkiverse.pipelinedeployment.MiddlewareDescriptor;

/**
 * Facts about the build the deployment runs, recorded at build time.
 *
 * @param snapshotId identifies the build; stable across restarts of the same build
 * @param builtinEndpoints the served built-in endpoints, with their full composed paths, in display order
 * @param customEndpoints the custom endpoints, with their full composed paths
 * @param middlewares the middleware, outermost first
 */
public record BuildMetadata(String snapshotId, String snapshotName, String applicationName, String applicationVersion,
        String quarkusVersion, List<EndpointDescriptor> builtinEndpoints, List<EndpointDescriptor> customEndpoints,
        List<MiddlewareDescriptor> middlewares) {

    /** The full path of the served built-in endpoint {@code name}, or {@code null} when it is not served. */
    public String path(String name) {
        for (EndpointDescriptor e : builtinEndpoints) {
            if (e.name().equals(name)) {
                return e.path();
            }
        }
        return null;
    }
}
