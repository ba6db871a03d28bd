package io.quarkiverse.pipelinedeployment.runtime;

import java.util.function.Consumer;

import org.jboss.logging.Logger;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads a request body on the event loop, up to a size limit: a larger body (announced by {@code Content-Length}, or
 * streamed) is answered with 413 before it is all read.
 */
final class RequestBodies {

    private static final Logger LOG = Logger.getLogger(RequestBodies.class);

    private RequestBodies() {
    }

    /**
     * Calls {@code then} with the whole body ({@code null} when empty), or answers 413.
     */
    static void read(RoutingContext ctx, long maxBytes, Consumer<Buffer> then) {
        HttpServerRequest request = ctx.request();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLarge(length, maxBytes)) {
            rejectTooLarge(ctx, maxBytes);
            return;
        }
        if (ctx.body().available()) {
            // A body handler installed by another extension has read it already
            Buffer body = ctx.body().buffer();
            if (body != null && body.length() > maxBytes) {
                rejectTooLarge(ctx, maxBytes);
            } else {
                then.accept(body);
            }
            return;
        }
        Reader reader = new Reader(ctx, maxBytes, then);
        request.handler(reader);
        request.endHandler(reader::end);
        request.exceptionHandler(reader::fail);
        request.resume();
    }

    private static boolean tooLarge(String contentLength, long maxBytes) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static void rejectTooLarge(RoutingContext ctx, long maxBytes) {
        ctx.response().headers().set(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        JsonResponses.detail(ctx, 413,
                "Request body too large: the limit is " + maxBytes + " bytes (quarkus.pipeline.max-request-size)");
    }

    private static final class Reader implements Handler<Buffer> {
        private final RoutingContext ctx;
        private final long maxBytes;
        private final Consumer<Buffer> then;
        private Buffer body;
        private boolean rejected;

        Reader(RoutingContext ctx, long maxBytes, Consumer<Buffer> then) {
            this.ctx = ctx;
            this.maxBytes = maxBytes;
            this.then = then;
        }

        @Override
        public void handle(Buffer chunk) {
            if (rejected) {
                return;
            }
            if (body == null) {
                body = Buffer.buffer(Math.max(chunk.length(), 256));
            }
            if ((long) body.length() + chunk.length() > maxBytes) {
                rejected = true;
                body = null;
                rejectTooLarge(ctx, maxBytes);
                return;
            }
            body.appendBuffer(chunk);
        }

        void end(Void ignored) {
            if (!rejected) {
                then.accept(body);
            }
        }

        void fail(Throwable t) {
            if (!rejected) {
                rejected = true;
                LOG.debugf(t, "Failed to read a request body");
                if (!ctx.response().closed()) {
                    ctx.fail(400, t);
                }
            }
        }
    }
}
