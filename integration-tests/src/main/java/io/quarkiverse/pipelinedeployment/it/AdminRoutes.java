package io.quarkiverse.pipelinedeployment.it;

import java.util.function.Consumer;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * A native {@code Consumer<Router>} custom endpoint mounted at {@code /admin} (see application.properties): routes
 * of its own, relative to the mount, behind the API keys when they are set.
 */
public class AdminRoutes implements Consumer<Router> {

    @Override
    public void accept(Router router) {
        router.get("/runtime").handler(ctx -> ctx.json(new JsonObject()
                .put("processors", Runtime.getRuntime().availableProcessors())
                .put("max_memory", Runtime.getRuntime().maxMemory())));
    }
}
