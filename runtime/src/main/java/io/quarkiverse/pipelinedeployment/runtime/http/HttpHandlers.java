package io.quarkiverse.pipelinedeployment.runtime.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.quarkiverse.pipelinedeployment.DeploymentService;
import io.quarkiverse.pipelinedeployment.runtime.engine.PipelineRuntime;
import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;

/**
 * Builds this package's route handlers for the recorder, so that the handler classes stay package-private.
 */
public final class HttpHandlers {

    private HttpHandlers() {
    }

    /** The JSON failure handler of the deployment's routes. */
    public static Handler<RoutingContext> failure(RequestBodies.Limit bodyLimit) {
        return new FailureHandler(bodyLimit);
    }

    public static Handler<RoutingContext> invoke(DeploymentService service, PipelineRuntime runtime,
            ObjectMapper mapper, RequestBodies.Limit limit, WorkerExecutor largeBodies) {
        return new InvokeHandler(service, runtime, mapper, limit, largeBodies);
    }

    public static Handler<RoutingContext> info(DeploymentService service, ObjectWriter writer) {
        return new InfoHandler(service, writer);
    }

    public static Handler<RoutingContext> metrics(PrometheusMeterRegistry registry, DeploymentService service,
            ObjectWriter writer) {
        return new MetricsHandler(registry, service, writer);
    }

    public static Handler<RoutingContext> methodNotAllowed(String allow) {
        return new MethodNotAllowedHandler(allow);
    }

    /**
     * @param spa the dashboard handler, for the SPA fallback, or {@code null}
     * @param apiPrefix the absolute api prefix that never falls back to the SPA, or {@code null}
     */
    public static Handler<RoutingContext> notFound(Handler<RoutingContext> spa, String apiPrefix) {
        return new NotFoundHandler(spa, apiPrefix);
    }
}
