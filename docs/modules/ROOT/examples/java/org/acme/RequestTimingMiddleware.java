package org.acme;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The ZenML guide's {@code RequestTimingMiddleware}: a Vert.x handler that adds {@code x-process-time-ms} to every response,
 * then lets the request go on with {@code ctx.next()}.
 */
public class RequestTimingMiddleware implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        ctx.addHeadersEndHandler(v -> ctx.response().headers()
                .set("x-process-time-ms", Double.toString((System.nanoTime() - start) / 1e6)));
        ctx.next();
    }
}
