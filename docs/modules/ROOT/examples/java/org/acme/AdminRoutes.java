package org.acme;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.function.Consumer;

import io.vertx.ext.web.Router;

/** A native endpoint: installs its own routes on a router mounted at the endpoint's path. */
public class AdminRoutes implements Consumer<Router> {

    @Override
    public void accept(Router router) {
        // GET <path>/stats
        router.get("/stats").handler(ctx -> ctx.json(Map.of(
                "uptime_ms", ManagementFactory.getRuntimeMXBean().getUptime(),
                "processors", Runtime.getRuntime().availableProcessors())));
    }
}
