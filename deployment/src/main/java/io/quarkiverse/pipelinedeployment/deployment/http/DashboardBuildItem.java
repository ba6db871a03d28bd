package io.quarkiverse.pipelinedeployment.deployment.http;

import io.quarkus.builder.item.SimpleBuildItem;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The dashboard's file handler, produced when the dashboard is served; the 404 route uses it for the
 * single-page-application fallback.
 */
final class DashboardBuildItem extends SimpleBuildItem {

    private final Handler<RoutingContext> handler;

    DashboardBuildItem(Handler<RoutingContext> handler) {
        this.handler = handler;
    }

    Handler<RoutingContext> handler() {
        return handler;
    }
}
