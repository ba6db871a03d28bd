package org.acme;

import java.util.Map;

import io.quarkiverse.pipelinedeployment.AppExtension;
import io.quarkiverse.pipelinedeployment.AppRunner;
import io.vertx.core.json.JsonObject;

/** An app extension: installs a route of its own, after the built-in ones, with its {@code args}. */
public class ModelCardExtension implements AppExtension {

    @Override
    public void install(AppRunner runner, Map<String, String> args) {
        runner.router().get("/model-card").handler(ctx -> ctx.json(new JsonObject()
                .put("owner", args.get("owner"))
                .put("pipeline", runner.deployment().pipeline().name())));
    }
}
