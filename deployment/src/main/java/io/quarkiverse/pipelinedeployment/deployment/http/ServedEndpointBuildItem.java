package io.quarkiverse.pipelinedeployment.deployment.http;

import java.util.List;

import io.quarkus.builder.item.MultiBuildItem;

/**
 * A built-in endpoint this build serves, declared by the endpoint's gated step. Consumed to report the endpoint in
 * {@code /info} and {@code AppRunner.endpoints()}, and to answer 405 for the other methods on its path.
 */
public final class ServedEndpointBuildItem extends MultiBuildItem {

    private final BuiltinEndpoint endpoint;
    private final String path;
    private final List<String> methods;
    private final List<String> subPaths;

    /**
     * @param path the composed path, relative to {@code quarkus.http.root-path}
     * @param methods the HTTP methods it answers
     * @param subPaths further paths it serves below {@code path}, such as {@code /live}
     */
    public ServedEndpointBuildItem(BuiltinEndpoint endpoint, String path, List<String> methods, List<String> subPaths) {
        this.endpoint = endpoint;
        this.path = path;
        this.methods = List.copyOf(methods);
        this.subPaths = List.copyOf(subPaths);
    }

    public ServedEndpointBuildItem(BuiltinEndpoint endpoint, String path, List<String> methods) {
        this(endpoint, path, methods, List.of());
    }

    public BuiltinEndpoint endpoint() {
        return endpoint;
    }

    public String path() {
        return path;
    }

    public List<String> methods() {
        return methods;
    }

    /** {@link #path()} and the sub-paths, each a full path. */
    public List<String> allPaths() {
        List<String> all = new java.util.ArrayList<>(1 + subPaths.size());
        all.add(path);
        for (String sub : subPaths) {
            all.add(path + sub);
        }
        return all;
    }
}
