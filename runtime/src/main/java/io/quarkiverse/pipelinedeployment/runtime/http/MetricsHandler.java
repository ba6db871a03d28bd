package io.quarkiverse.pipelinedeployment.runtime.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectWriter;

import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import io.quarkiverse.pipelinedeployment.DeploymentInfo;
import io.quarkiverse.pipelinedeployment.DeploymentService;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves {@code GET <root><api><metrics>}: the Prometheus text exposition of the Micrometer Prometheus registry
 * (the pipeline's meters, JVM and HTTP metrics), or, for {@code Accept: application/json}, the seed framework's
 * {@code {"total_executions", "last_execution_time"}}.
 */
final class MetricsHandler implements Handler<RoutingContext> {

    private final PrometheusMeterRegistry registry;
    private final DeploymentService service;
    private final ObjectWriter writer;

    MetricsHandler(PrometheusMeterRegistry registry, DeploymentService service, ObjectWriter writer) {
        this.registry = registry;
        this.service = service;
        this.writer = writer;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains("application/json")) {
            DeploymentInfo info = service.info();
            Map<String, Object> body = new LinkedHashMap<>(2);
            body.put("total_executions", info.totalExecutions());
            body.put("last_execution_time", info.lastExecutionTime());
            try {
                JsonResponses.send(ctx, 200, Buffer.buffer(writer.writeValueAsBytes(body)));
            } catch (Exception e) {
                ctx.fail(e);
            }
            return;
        }
        String text = registry.scrape(TextFormat.CONTENT_TYPE_004);
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ctx.response().setStatusCode(200);
        ctx.response().headers().set(HttpHeaders.CONTENT_TYPE, TextFormat.CONTENT_TYPE_004);
        ctx.response().end(Buffer.buffer(text.getBytes(StandardCharsets.UTF_8)));
    }
}
