package io.quarkiverse.pipelinedeployment.runtime.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers {@code 404 {"detail": "Not Found"}} for every path under {@code quarkus.pipeline.root-path} that no route
 * of the application serves. When the dashboard is served, a {@code GET} whose {@code Accept} header names
 * {@code text/html} gets the dashboard's {@code index.html} instead (the SPA fallback), except under
 * {@code <root><api-path>} when an api path is set.
 */
final class NotFoundHandler implements Handler<RoutingContext> {

    private static final Buffer BODY = JsonResponses.detailBody("Not Found");

    private final StaticFilesHandler spa;
    private final String apiPrefix;

    /**
     * @param spa the dashboard's files, or {@code null} when the dashboard is not served
     * @param apiPrefix the absolute {@code <root><api-path>} whose paths never fall back to the SPA, or {@code null}
     */
    NotFoundHandler(Handler<RoutingContext> spa, String apiPrefix) {
        this.spa = (StaticFilesHandler) spa;
        this.apiPrefix = apiPrefix;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (spa != null && wantsHtml(ctx) && spa.sendIndex(ctx)) {
            return;
        }
        JsonResponses.send(ctx, 404, BODY);
    }

    private boolean wantsHtml(RoutingContext ctx) {
        if (ctx.request().method() != HttpMethod.GET) {
            return false;
        }
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        if (accept == null || !accept.contains("text/html")) {
            return false;
        }
        if (apiPrefix == null) {
            return true;
        }
        String path = ctx.normalizedPath();
        return !(path.equals(apiPrefix) || path.startsWith(apiPrefix + "/"));
    }
}
