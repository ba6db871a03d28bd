package io.quarkiverse.pipelinedeployment.deployment.http;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;

/**
 * Orders of the deployment's fallback routes and priorities of its filters. Endpoint routes keep the Vert.x default
 * order, so they match first.
 */
public final class RouteOrder {

    /**
     * {@value}: custom endpoints, after every filter (Quarkus Security's permission check is a filter of priority
     * {@link SecurityHandlerPriorities#AUTHORIZATION}, so a route of order -100) and before the built-in endpoints
     * (which keep the Vert.x default orders, from 0), so a custom endpoint on a built-in endpoint's method and path
     * replaces it. At -100 itself the custom routes, added before the filters, answered before the permission check.
     */
    public static final int CUSTOM_ENDPOINT = -SecurityHandlerPriorities.AUTHORIZATION + 50;

    /**
     * {@value}: the check of a request's {@code Content-Length} against the deployment's body limit, on the invoke
     * path and on native JAX-RS custom endpoints, just ahead of Quarkus' own check
     * ({@code RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT}), which answers with an empty body, and after the security
     * filters.
     */
    public static final int BODY_LIMIT = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

    /**
     * {@value}: the routes with a path parameter ({@code <runs>/:id}, {@code <runs>/:id/result}, ...), after the
     * other built-in endpoints, which keep the Vert.x default orders (0, 1, 2, ... as they are added). The router
     * tries a request against every route ordered before the one that takes it, and such a route is a regular
     * expression, matched with a new {@code Matcher}: ahead of the invoke route, they cost every invocation about a
     * tenth of a microsecond each. Still before {@code RouteConstants.ROUTE_ORDER_DEFAULT}.
     */
    public static final int PATH_PARAMETERS = RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT;

    /**
     * {@value}: the dashboard's files under the root path, after the application's own routes.
     */
    public static final int DASHBOARD = RouteConstants.ROUTE_ORDER_AFTER_DEFAULT + 5_000;

    /**
     * {@value}: answers 405 on a built-in endpoint's path for the methods it does not serve, after every route of the
     * application (REST resources and static files included) had its chance.
     */
    public static final int METHOD_NOT_ALLOWED = RouteConstants.ROUTE_ORDER_AFTER_DEFAULT + 10_000;

    /**
     * {@value}: answers 404 JSON for any other path under {@code quarkus.pipeline.root-path}; the last route.
     */
    public static final int NOT_FOUND = RouteConstants.ROUTE_ORDER_AFTER_DEFAULT + 20_000;

    /**
     * {@value}: the priority of the secure-headers filter; the outermost, so its headers are on every response.
     * (Quarkus' own CORS filter has priority 300; higher runs earlier.)
     */
    public static final int SECURE_HEADERS_FILTER = 500;

    /**
     * {@value}: the priority of the filter that lets Quarkus compress the deployment's responses, outermost of all.
     */
    public static final int COMPRESSION_FILTER = 600;

    /**
     * {@value}: the priority of the CORS filter, just inside the secure headers and before Quarkus' own filters.
     */
    public static final int CORS_FILTER = 450;

    /**
     * {@value}: the priority of the outermost custom middleware; the next ones get one less each, so every custom
     * middleware runs inside the built-in ones.
     */
    public static final int CUSTOM_MIDDLEWARE_FILTER = 400;

    private RouteOrder() {
    }
}
