package io.quarkiverse.pipelinedeployment.runtime.http;

import com.fasterxml.jackson.databind.ObjectWriter;

import io.quarkiverse.pipelinedeployment.DeploymentService;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves {@code GET <root><api><info>}: the deployment service's {@link DeploymentService#info()}.
 */
final class InfoHandler implements Handler<RoutingContext> {

    private final DeploymentService service;
    private final ObjectWriter writer;

    InfoHandler(DeploymentService service, ObjectWriter writer) {
        this.service = service;
        this.writer = writer;
    }

    @Override
    public void handle(RoutingContext ctx) {
        byte[] body;
        try {
            body = writer.writeValueAsBytes(service.info());
        } catch (Exception e) {
            ctx.fail(e);
            return;
        }
        JsonResponses.send(ctx, 200, Buffer.buffer(body));
    }
}
