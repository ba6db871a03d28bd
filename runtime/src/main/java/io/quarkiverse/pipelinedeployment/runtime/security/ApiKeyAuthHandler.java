package io.quarkiverse.pipelinedeployment.runtime.security;

import io.quarkiverse.pipelinedeployment.runtime.http.JsonResponses;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Guards a protected route with the configured API keys ({@code Authorization: Bearer <key>}), answering the seed
 * framework's 401 bodies with {@code WWW-Authenticate: Bearer}. It is the route's own handler (or the handler of a
 * route on the very same path pattern, ahead of it), so it runs for every request the route matches, however the
 * path was written.
 */
public final class ApiKeyAuthHandler implements Handler<RoutingContext> {

    private static final Buffer MISSING = JsonResponses.detailBody(ApiKeys.MISSING_DETAIL);
    private static final Buffer INVALID = JsonResponses.detailBody(ApiKeys.INVALID_DETAIL);
    private static final CharSequence WWW_AUTHENTICATE = HttpHeaders.createOptimized("WWW-Authenticate");
    private static final CharSequence BEARER = HttpHeaders.createOptimized("Bearer");

    private final Handler<RoutingContext> delegate;
    private final ApiKeys keys;

    public ApiKeyAuthHandler(Handler<RoutingContext> delegate, ApiKeys keys) {
        this.delegate = delegate;
        this.keys = keys;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (allowed(ctx, keys)) {
            delegate.handle(ctx);
        }
    }

    /**
     * Whether the request carries one of the keys; when it does not, it has been answered with 401.
     */
    public static boolean allowed(RoutingContext ctx, ApiKeys keys) {
        switch (keys.check(ctx.request().getHeader(HttpHeaders.AUTHORIZATION))) {
            case MISSING -> reject(ctx, MISSING);
            case INVALID -> reject(ctx, INVALID);
            default -> {
                return true;
            }
        }
        return false;
    }

    private static void reject(RoutingContext ctx, Buffer body) {
        ctx.response().headers().set(WWW_AUTHENTICATE, BEARER);
        JsonResponses.send(ctx, 401, body);
    }
}
