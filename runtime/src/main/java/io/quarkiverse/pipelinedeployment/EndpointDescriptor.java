package io.quarkiverse.pipelinedeployment;

import java.util.List;

/**
 * An endpoint the deployment serves, with its full composed path.
 *
 * @param name the built-in endpoint's name ({@code invoke}, {@code info}, ...), a custom endpoint's id under
 *        {@code quarkus.pipeline.custom-endpoints}, or {@code Class#method} for {@code @PipelineEndpoint}
 * @param methods the HTTP methods it answers; {@code *} for a native {@code Consumer<Router>}, which routes its own
 * @param path the full path, {@code quarkus.http.root-path} and {@code quarkus.pipeline.root-path} included
 */
public record EndpointDescriptor(String name, List<String> methods, String path) {

    public EndpointDescriptor {
        methods = List.copyOf(methods);
    }
}
