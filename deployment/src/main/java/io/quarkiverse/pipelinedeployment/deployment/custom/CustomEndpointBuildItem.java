package io.quarkiverse.pipelinedeployment.deployment.custom;

import java.util.List;
import java.util.Map;

import io.quarkiverse.pipelinedeployment.EndpointMethod;
import io.quarkiverse.pipelinedeployment.runtime.custom.EndpointForm;
import io.quarkus.builder.item.MultiBuildItem;
import io.quarkus.vertx.http.deployment.HttpRootPathBuildItem;

/**
 * A resolved custom endpoint, from {@code quarkus.pipeline.custom-endpoints} or {@code @PipelineEndpoint}.
 * Produced by {@code PipelineCustomEndpointsProcessor.collectCustomEndpoints}, consumed by its route step.
 */
public final class CustomEndpointBuildItem extends MultiBuildItem {

    final String source;
    final String path;
    final EndpointMethod method;
    final String handler;
    final Map<String, String> initArgs;
    final boolean authRequired;
    final EndpointForm form;

    /**
     * @param source the property or annotation that declared it, for messages
     * @param path the composed path under {@code quarkus.pipeline.root-path}, with {@code {name}} parameters
     * @param method the HTTP method; {@code null} for a {@code Consumer<Router>}, which routes its own
     * @param form how the handler serves it; a JAX-RS resource gives one item per operation
     */
    CustomEndpointBuildItem(String source, String path, EndpointMethod method, String handler,
            Map<String, String> initArgs, boolean authRequired, EndpointForm form) {
        this.source = source;
        this.path = path;
        this.method = method;
        this.handler = handler;
        this.initArgs = Map.copyOf(initArgs);
        this.authRequired = authRequired;
        this.form = form;
    }

    public String source() {
        return source;
    }

    public String path() {
        return path;
    }

    public EndpointMethod method() {
        return method;
    }

    public String handler() {
        return handler;
    }

    public boolean authRequired() {
        return authRequired;
    }

    public EndpointForm form() {
        return form;
    }

    /** The path for Vert.x ({@code :name} parameters). */
    public String vertxPath() {
        return path.replaceAll("\\{([^}/]+)}", ":$1");
    }

    /** The names of the path parameters. */
    public List<String> pathParameters() {
        return java.util.regex.Pattern.compile("\\{([^}/]+)}").matcher(path).results().map(m -> m.group(1)).toList();
    }

    /** Its name in {@code AppRunner.endpoints()}: the id under {@code custom-endpoints}, or {@code Class#method}. */
    public String name() {
        String prefix = "quarkus.pipeline.custom-endpoints.\"";
        return source.startsWith(prefix) ? source.substring(prefix.length(), source.length() - 1) : handler;
    }

    /** The full path, {@code quarkus.http.root-path} included, with {@code {name}} parameters. */
    public String fullPath(HttpRootPathBuildItem httpRootPath) {
        // The root path is resolved on the Vert.x form (:name), then turned back
        return httpRootPath.relativePath(vertxPath()).replaceAll(":([A-Za-z_][A-Za-z0-9_]*)", "{$1}");
    }
}
