package io.quarkiverse.pipelinedeployment.runtime.http;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes the deployment's JSON answers. Error bodies are {@code {"detail": ...}}, as the seed framework sends them.
 */
public final class JsonResponses {

    static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json");

    private JsonResponses() {
    }

    /**
     * A buffer that can be written to any number of responses without a copy: Netty's writes release only their
     * own duplicate of an unreleasable buffer.
     */
    public static Buffer shared(byte[] bytes) {
        return Buffer.buffer(Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(bytes)));
    }

    /**
     * The bytes of {@code {"detail": "<detail>"}}, for answers prepared once; shared, never copied.
     */
    public static Buffer detailBody(String detail) {
        return shared(("{\"detail\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(detail))
                + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Answers {@code {"detail": "<detail>"}} with the given status.
     */
    public static void detail(RoutingContext ctx, int status, String detail) {
        send(ctx, status, detailBody(detail));
    }

    /**
     * Answers with a JSON body, unless the response was already sent or the connection is gone.
     */
    public static void send(RoutingContext ctx, int status, Buffer body) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status);
        response.headers().set(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON);
        response.end(body);
    }
}
