package io.quarkiverse.pipelinedeployment.runtime.http;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectWriter;

import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.quarkiverse.pipelinedeployment.DeploymentService;
import io.quarkiverse.pipelinedeployment.runtime.engine.PipelineRuntime;
import io.quarkiverse.pipelinedeployment.runtime.runs.RunStore;
import io.quarkiverse.pipelinedeployment.runtime.runs.Runs;
import io.quarkus.vertx.http.runtime.HttpCompressionHandler;
import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
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

    /**
     * Configures a route: its methods (all when empty), its order (the Vert.x default when {@code null}) and the
     * JSON failure handler.
     */
    public static Consumer<Route> route(List<String> methods, Integer order, RequestBodies.Limit bodyLimit) {
        Handler<RoutingContext> failureHandler = failure(bodyLimit);
        return route -> {
            for (String method : methods) {
                route.method(HttpMethod.valueOf(method));
            }
            if (order != null) {
                route.order(order);
            }
            route.failureHandler(failureHandler);
        };
    }

    /**
     * Lets Quarkus compress a response whose content type is one of {@code mediaTypes}
     * ({@code quarkus.http.compress-media-types}).
     */
    public static Handler<RoutingContext> compression(Set<String> mediaTypes) {
        return ctx -> {
            ctx.addHeadersEndHandler(v -> HttpCompressionHandler.compressIfNeeded(ctx, mediaTypes));
            ctx.next();
        };
    }

    /**
     * The handler of {@code POST <invoke>} and {@code POST <runs>}.
     *
     * @param runsPath the runs endpoint's absolute path, or {@code null} when it is not served (every answer is then
     *        synchronous)
     * @param alwaysAsync whether every submission is asynchronous ({@code POST <runs>})
     */
    public static Handler<RoutingContext> invoke(Runs runs, DeploymentService service, String runsPath,
            boolean alwaysAsync, Duration keepalive, RequestBodies.Limit limit) {
        PipelineRuntime runtime = runs.runtime();
        // Large bodies are parsed off the event loop, but no more of them at once than there are CPUs: each takes
        // many times its size in memory while parsed, and more threads would not parse faster
        WorkerExecutor largeBodies = runtime.vertx().createSharedWorkerExecutor("pipeline-large-bodies",
                Runtime.getRuntime().availableProcessors(), 5, TimeUnit.MINUTES);
        return new InvokeHandler(runs, service, runsPath == null ? null : runJson(runtime, runsPath), alwaysAsync,
                keepalive.toMillis(), limit, largeBodies);
    }

    /**
     * A handler of the runs endpoint's reads and cancels.
     *
     * @param action {@code LIST}, {@code GET}, {@code RESULT}, {@code EVENTS} or {@code CANCEL}
     * @param runsPath the runs endpoint's absolute path
     */
    public static Handler<RoutingContext> runs(String action, RunStore store, PipelineRuntime runtime,
            String runsPath, Duration keepalive) {
        return new RunsHandler(RunsHandler.Action.valueOf(action), store, runJson(runtime, runsPath),
                runtime.mapper().writer(), keepalive.toMillis());
    }

    private static RunJson runJson(PipelineRuntime runtime, String runsPath) {
        return new RunJson(runtime.mapper(), runtime.definition().getName(), runtime.deploymentId(),
                runsPath);
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
