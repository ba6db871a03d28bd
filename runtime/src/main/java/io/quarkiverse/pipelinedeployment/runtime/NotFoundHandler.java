package io.quarkiverse.pipelinedeployment.runtime;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers {@code 404 {"detail": "Not Found"}} for every path under {@code quarkus.pipeline.root-path} that no route
 * of the application serves.
 */
public final class NotFoundHandler implements Handler<RoutingContext> {

    private static final Buffer BODY = JsonResponses.detailBody("Not Found");

    @Override
    public void handle(RoutingContext ctx) {
        JsonResponses.send(ctx, 404, BODY.copy());
    }
}
