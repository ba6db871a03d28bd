package io.quarkiverse.pipelinedeployment.bench.extension;

import java.util.Map;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Three custom middlewares of the kinds users write (a request id, a timing header, a tag), for the variant that
 * measures their cost. Built only into that variant (see benchmarks/run.sh).
 */
public final class Middlewares {

    private Middlewares() {
    }

    /** Echoes or sets {@code X-Request-Id}. */
    public static class RequestId implements Handler<RoutingContext> {
        @Override
        public void handle(RoutingContext ctx) {
            String id = ctx.request().getHeader("X-Request-Id");
            ctx.response().headers().set("X-Request-Id", id == null ? "none" : id);
            ctx.next();
        }
    }

    /** Adds {@code x-process-time-us} when the headers are written. */
    public static class Timing implements Handler<RoutingContext> {
        @Override
        public void handle(RoutingContext ctx) {
            long start = System.nanoTime();
            ctx.addHeadersEndHandler(v -> ctx.response().headers().set("x-process-time-us",
                    Long.toString((System.nanoTime() - start) / 1000)));
            ctx.next();
        }
    }

    /** The static-method form, with init-args. */
    public static void tag(RoutingContext ctx, Map<String, String> initArgs) {
        ctx.response().headers().set("X-Service-Tag", initArgs.getOrDefault("tag", "bench"));
        ctx.next();
    }
}
