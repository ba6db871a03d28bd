package io.quarkiverse.pipelinedeployment.deployment.http;

import java.util.List;

import io.quarkiverse.pipelinedeployment.runtime.EndpointsRecorder;
import io.quarkus.vertx.http.deployment.HttpRootPathBuildItem;
import io.quarkus.vertx.http.deployment.RouteBuildItem;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * What the processors of the built-in endpoints share: their methods, the paths below them, and how one is declared
 * served and routed.
 */
public final class EndpointRoutes {

    /** The methods of the invoke endpoint. */
    public static final List<String> INVOKE_METHODS = List.of("POST");
    /** The methods of the endpoints that are read: health, info, metrics, the docs and the dashboard. */
    public static final List<String> READ_METHODS = List.of("GET", "HEAD");
    /** The OpenAPI document, under {@code quarkus.pipeline.root-path}. */
    public static final String OPENAPI_JSON = "/openapi.json";
    /** The liveness check, under the health endpoint. */
    public static final String HEALTH_LIVE = "/live";
    /** The readiness check, under the health endpoint. */
    public static final String HEALTH_READY = "/ready";

    private EndpointRoutes() {
    }

    /** The enabled endpoint as served, at its composed path, for these methods. */
    public static ServedEndpointBuildItem served(PipelineEndpointsBuildItem endpoints, BuiltinEndpoint endpoint,
            List<String> methods) {
        return new ServedEndpointBuildItem(endpoint, endpoints.path(endpoint).orElseThrow(), methods);
    }

    /**
     * The route of an enabled built-in endpoint: its composed path under {@code quarkus.http.root-path}, its methods,
     * its handler, and its config key for the dev-mode 404 page.
     */
    public static RouteBuildItem endpointRoute(EndpointsRecorder recorder, PipelineEndpointsBuildItem endpoints,
            String path, HttpRootPathBuildItem httpRootPath, BuiltinEndpoint endpoint, List<String> methods,
            Handler<RoutingContext> handler, String title) {
        return endpointRoute(recorder, endpoints, path, httpRootPath, endpoint, methods, handler, title, null);
    }

    /** {@link #endpointRoute}, in this order ({@link RouteOrder}), or in the Vert.x default one when {@code null}. */
    public static RouteBuildItem endpointRoute(EndpointsRecorder recorder, PipelineEndpointsBuildItem endpoints,
            String path, HttpRootPathBuildItem httpRootPath, BuiltinEndpoint endpoint, List<String> methods,
            Handler<RoutingContext> handler, String title, Integer order) {
        return httpRootPath.routeBuilder()
                .routeFunction(httpRootPath.relativePath(path), recorder.route(methods, order))
                .handler(endpoints.isProtected(endpoint) ? recorder.protect(handler) : handler)
                .routeConfigKey(endpoint.pathKey)
                .displayOnNotFoundPage(title)
                .build();
    }
}
