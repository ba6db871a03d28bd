package io.quarkiverse.pipelinedeployment.runtime.http;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

import io.netty.buffer.ByteBuf;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads a request body on the event loop, up to the deployment's body limit: a larger body (announced by
 * {@code Content-Length}, or streamed) is answered with 413 before it is all read.
 */
public final class RequestBodies {

    private static final Logger LOG = Logger.getLogger(RequestBodies.class);

    /**
     * {@value} bytes (64 KiB): a body larger than this is parsed and bound, and its answer written as JSON, on a
     * worker thread rather than on the event loop, so that the event loop keeps serving other requests (health
     * included) meanwhile. Smaller bodies are handled on the event loop, without a thread hop.
     */
    static final int OFF_LOOP_SIZE = 64 * 1024;

    /** {@value} bytes: the most a body buffer is given up front from the {@code Content-Length}. */
    private static final int PRESIZE_LIMIT = 1024 * 1024;

    static final String MAX_REQUEST_SIZE = "quarkus.pipeline.max-request-size";
    static final String MAX_BODY_SIZE = "quarkus.http.limits.max-body-size";

    private RequestBodies() {
    }

    /**
     * The body limit of the deployment's routes and its 413 answer, resolved once at startup: the smaller of
     * {@code quarkus.pipeline.max-request-size} and Quarkus' {@code quarkus.http.limits.max-body-size} (whose default
     * the extension aligns with the former, so it is smaller only when set explicitly).
     */
    public static final class Limit {
        final long bytes;
        private final Buffer tooLarge;

        private Limit(long bytes, String property) {
            this.bytes = bytes;
            this.tooLarge = JsonResponses.detailBody(
                    "Request body too large: the limit is " + bytes + " bytes (" + property + ")");
        }

        /** Answers 413 with the deployment's JSON and closes the connection: the rest of the body is not read. */
        void reject(RoutingContext ctx) {
            if (ctx.response().ended() || ctx.response().closed()) {
                return;
            }
            HttpServerRequest request = ctx.request();
            if (request.version() != HttpVersion.HTTP_2) {
                // HTTP/1.x: the unread rest of the body cannot be told from a next request
                ctx.response().headers().set(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
                ctx.response().endHandler(new Handler<Void>() {
                    @Override
                    public void handle(Void ignored) {
                        request.connection().close();
                    }
                });
            }
            JsonResponses.send(ctx, 413, tooLarge);
        }

        /** Whether the request announces a body over the limit in its {@code Content-Length}. */
        boolean announcedTooLarge(HttpServerRequest request) {
            return announced(request) > bytes;
        }
    }

    /** The body size the {@code Content-Length} announces, or {@code -1}. */
    private static long announced(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The limit for the given {@code quarkus.pipeline.max-request-size}, lowered to an explicit, smaller
     * {@code quarkus.http.limits.max-body-size}.
     */
    public static Limit limit(MemorySize maxRequestSize) {
        long ours = maxRequestSize.asLongValue();
        Optional<String> quarkus = ConfigProvider.getConfig().getOptionalValue(MAX_BODY_SIZE, String.class);
        if (quarkus.isPresent() && !quarkus.get().isBlank()) {
            long theirs = new MemorySizeConverter().convert(quarkus.get().trim()).asLongValue();
            if (theirs < ours) {
                return new Limit(theirs, MAX_BODY_SIZE);
            }
        }
        return new Limit(ours, MAX_REQUEST_SIZE);
    }

    /**
     * A route handler that answers 413 when the {@code Content-Length} announces a body over the limit, and passes
     * every other request on. It runs ahead of Quarkus' own check of {@code quarkus.http.limits.max-body-size}, which
     * answers with an empty body.
     */
    public static Handler<RoutingContext> contentLengthGuard(Limit limit) {
        return guarded(limit, RoutingContext::next);
    }

    /**
     * Parses a body as JSON, from the buffer's own bytes when it has an array (no copy of the body).
     */
    public static JsonNode readTree(ObjectReader reader, Buffer body) throws IOException {
        ByteBuf bytes = body.getByteBuf();
        if (bytes.hasArray()) {
            return reader.readTree(bytes.array(), bytes.arrayOffset() + bytes.readerIndex(), bytes.readableBytes());
        }
        return reader.readTree(body.getBytes());
    }

    /**
     * A handler that reads the body itself, behind the {@code Content-Length} check of {@link #contentLengthGuard}.
     */
    public static Handler<RoutingContext> guarded(Limit limit, Handler<RoutingContext> handler) {
        return new Handler<RoutingContext>() {
            @Override
            public void handle(RoutingContext ctx) {
                if (limit.announcedTooLarge(ctx.request())) {
                    limit.reject(ctx);
                } else {
                    handler.handle(ctx);
                }
            }
        };
    }

    /**
     * Calls {@code then} with the whole body ({@code null} when empty), or answers 413.
     */
    public static void read(RoutingContext ctx, Limit limit, Consumer<Buffer> then) {
        HttpServerRequest request = ctx.request();
        long announced = announced(request);
        if (announced > limit.bytes) {
            limit.reject(ctx);
            return;
        }
        if (ctx.body().available()) {
            // A body handler installed by another extension has read it already
            Buffer body = ctx.body().buffer();
            if (body != null && body.length() > limit.bytes) {
                limit.reject(ctx);
            } else {
                then.accept(body);
            }
            return;
        }
        // Sized from the Content-Length, up to a bound: a client may announce more than it sends
        Reader reader = new Reader(ctx, limit, then, (int) Math.min(Math.max(announced, 0), PRESIZE_LIMIT));
        request.handler(reader);
        request.endHandler(reader::end);
        request.exceptionHandler(reader::fail);
        request.resume();
    }

    private static final class Reader implements Handler<Buffer> {
        private final RoutingContext ctx;
        private final Limit limit;
        private final Consumer<Buffer> then;
        private final int expected;
        private Buffer body;
        private boolean rejected;

        Reader(RoutingContext ctx, Limit limit, Consumer<Buffer> then, int expected) {
            this.ctx = ctx;
            this.limit = limit;
            this.then = then;
            this.expected = expected;
        }

        @Override
        public void handle(Buffer chunk) {
            if (rejected) {
                return;
            }
            if (body == null) {
                body = Buffer.buffer(Math.max(chunk.length(), expected > 0 ? expected : 256));
            }
            if ((long) body.length() + chunk.length() > limit.bytes) {
                rejected = true;
                body = null;
                limit.reject(ctx);
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
