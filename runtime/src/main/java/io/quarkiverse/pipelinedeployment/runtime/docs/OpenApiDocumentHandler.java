package io.quarkiverse.pipelinedeployment.runtime.docs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.pipelinedeployment.DeploymentInfo;
import io.quarkiverse.pipelinedeployment.runtime.http.JsonResponses;
import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves {@code <root>/openapi.json}: SmallRye OpenAPI's document, titled from {@code quarkus.pipeline.app-title},
 * {@code app-description} and {@code app-version}. Built on first use and kept.
 */
public final class OpenApiDocumentHandler implements Handler<RoutingContext> {

    private static final String DEFAULT_DOCUMENT = "<default>";

    private final DeploymentInfo.App app;
    private final ObjectMapper mapper;
    private volatile Buffer document;

    public OpenApiDocumentHandler(DeploymentInfo.App app, ObjectMapper mapper) {
        this.app = app;
        this.mapper = mapper;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Buffer doc = document;
        if (doc == null) {
            try {
                doc = document = build();
            } catch (Exception e) {
                ctx.fail(e);
                return;
            }
        }
        JsonResponses.send(ctx, 200, doc);
    }

    private Buffer build() throws Exception {
        byte[] raw = Arc.container().instance(OpenApiDocumentService.class).get().getDocument(DEFAULT_DOCUMENT,
                Format.JSON);
        ObjectNode root = (ObjectNode) mapper.readTree(raw);
        ObjectNode info = root.has("info") && root.get("info").isObject() ? (ObjectNode) root.get("info")
                : root.putObject("info");
        info.put("title", app.title());
        info.put("description", app.description());
        info.put("version", app.version());
        return JsonResponses.shared(mapper.writeValueAsBytes(root));
    }
}
