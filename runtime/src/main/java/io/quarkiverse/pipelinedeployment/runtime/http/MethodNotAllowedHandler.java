package io.quarkiverse.pipelinedeployment.runtime.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers {@code 405 {"detail": "Method Not Allowed"}}, with the {@code Allow} header (RFC 9110 Section 15.5.6),
 * for a known path asked with a method it does not serve.
 */
final class MethodNotAllowedHandler implements Handler<RoutingContext> {

    private static final Buffer BODY = JsonResponses.detailBody("Method Not Allowed");

    private final String allow;

    MethodNotAllowedHandler(String allow) {
        this.allow = allow;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response().headers().set(HttpHeaders.ALLOW, allow);
        JsonResponses.send(ctx, 405, BODY);
    }
}
