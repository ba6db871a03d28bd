package io.quarkiverse.pipelinedeployment.runtime.http;

import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Turns a failure on one of the deployment's routes into a JSON answer, never a stack trace.
 */
final class FailureHandler implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(FailureHandler.class);

    private final RequestBodies.Limit bodyLimit;

    /**
     * @param bodyLimit the deployment's body limit, for its 413 answer
     */
    FailureHandler(RequestBodies.Limit bodyLimit) {
        this.bodyLimit = bodyLimit;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationException || failure instanceof UnauthorizedException
                || failure instanceof ForbiddenException) {
            // Quarkus Security's own answers (401 with its challenge, 403, redirects) come from its failure handler
            ctx.next();
            return;
        }
        int status = ctx.statusCode();
        if (status == 413) {
            // A body handler installed by another extension refused the body
            bodyLimit.reject(ctx);
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
