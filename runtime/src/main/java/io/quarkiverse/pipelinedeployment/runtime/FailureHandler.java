package io.quarkiverse.pipelinedeployment.runtime;

import org.jboss.logging.Logger;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Turns a failure on one of the deployment's routes into a JSON answer, never a stack trace.
 */
public final class FailureHandler implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(FailureHandler.class);

    @Override
    public void handle(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (status == 413) {
            JsonResponses.detail(ctx, 413, "Request body too large");
            return;
        }
        if (status >= 400 && status < 500) {
            JsonResponses.detail(ctx, status, "Bad request");
            return;
        }
        LOG.errorf(ctx.failure(), "Failed to serve %s %s", ctx.request().method(), ctx.request().path());
        JsonResponses.detail(ctx, 500, "Internal Server Error");
    }
}
