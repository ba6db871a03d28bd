package io.quarkiverse.pipelinedeployment.runtime.http;

import org.jboss.logging.Logger;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.vertx.core.runtime.BufferOutputStream;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.MutinyHelper;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves {@code <health>}, {@code <health>/live} and {@code <health>/ready} from SmallRye Health, in the
 * MicroProfile Health format: 200 when UP, 503 when DOWN. Runs on the event loop and never touches the invocation
 * pool.
 */
public final class HealthHandler implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(HealthHandler.class);

    /** Which checks an answer covers. */
    public enum Kind {
        ALL,
        LIVENESS,
        READINESS
    }

    private final Kind kind;
    private final SmallRyeHealthReporter reporter;

    public HealthHandler(Kind kind, SmallRyeHealthReporter reporter) {
        this.kind = kind;
        this.reporter = reporter;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ManagedContext requestContext = Arc.container().requestContext();
        if (requestContext.isActive()) {
            report(ctx, null);
        } else {
            requestContext.activate();
            report(ctx, requestContext);
        }
    }

    private void report(RoutingContext ctx, ManagedContext toTerminate) {
        Uni<SmallRyeHealth> health = switch (kind) {
            case ALL -> reporter.getHealthAsync();
            case LIVENESS -> reporter.getLivenessAsync();
            case READINESS -> reporter.getReadinessAsync();
        };
        health.emitOn(MutinyHelper.executor(Vertx.currentContext()))
                .subscribe().with(result -> {
                    try {
                        write(ctx, result);
                    } finally {
                        terminate(toTerminate);
                    }
                }, failure -> {
                    terminate(toTerminate);
                    LOG.errorf(failure, "Health checks failed");
                    JsonResponses.detail(ctx, 500, "Internal Server Error");
                });
    }

    private void write(RoutingContext ctx, SmallRyeHealth result) {
        Buffer body = Buffer.buffer(256);
        try (BufferOutputStream out = new BufferOutputStream(body)) {
            reporter.reportHealth(out, result);
        } catch (Exception e) {
            ctx.fail(e);
            return;
        }
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ctx.response().setStatusCode(result.isDown() ? 503 : 200);
        ctx.response().headers().set(HttpHeaders.CONTENT_TYPE, "application/json; charset=UTF-8");
        ctx.response().end(body);
    }

    private static void terminate(ManagedContext requestContext) {
        if (requestContext != null) {
            requestContext.terminate();
        }
    }
}
