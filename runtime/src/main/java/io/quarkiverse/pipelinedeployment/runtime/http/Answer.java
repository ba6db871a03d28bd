package io.quarkiverse.pipelinedeployment.runtime.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** A prepared answer: status, JSON body and, for a 503, its {@code Retry-After}. */
record Answer(int status, Buffer body, String retryAfter) {

    void send(RoutingContext ctx) {
        if (retryAfter != null && !ctx.response().ended()) {
            ctx.response().headers().set(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        JsonResponses.send(ctx, status, body);
    }
}
