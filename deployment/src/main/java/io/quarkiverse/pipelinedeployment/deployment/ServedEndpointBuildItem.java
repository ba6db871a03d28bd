package io.quarkiverse.pipelinedeployment.deployment;

import java.util.List;

import io.quarkus.builder.item.MultiBuildItem;

/**
 * A built-in endpoint this build serves, declared by the endpoint's gated step. Consumed to report the endpoint in
 * {@code /info} and {@code AppRunner.endpoints()}, and to answer 405 for the other methods on its path.
 */
final class ServedEndpointBuildItem extends MultiBuildItem {

    private final BuiltinEndpoint endpoint;
    private final String path;
    private final List<String> methods;

    /**
     * @param path the composed path, relative to {@code quarkus.http.root-path}
     * @param methods the HTTP methods it answers
     */
    ServedEndpointBuildItem(BuiltinEndpoint endpoint, String path, List<String> methods) {
        this.endpoint = endpoint;
        this.path = path;
        this.methods = List.copyOf(methods);
    }

    BuiltinEndpoint endpoint() {
        return endpoint;
    }

    String path() {
        return path;
    }

    List<String> methods() {
        return methods;
    }
}
