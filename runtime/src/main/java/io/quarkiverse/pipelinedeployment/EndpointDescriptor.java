package io.quarkiverse.pipelinedeployment;

import java.util.List;

/**
 * An endpoint the deployment serves, with its full composed path.
 *
 * @param name the built-in endpoint's name ({@code invoke}, {@code info}, ...)
 * @param methods the HTTP methods it answers
 * @param path the full path, {@code quarkus.http.root-path} and {@code quarkus.pipeline.root-path} included
 */
public record EndpointDescriptor(String name, List<String> methods, String path) {

    public EndpointDescriptor {
        methods = List.copyOf(methods);
    }
}
