package io.quarkiverse.pipelinedeployment.deployment.http;

import static io.quarkus.deployment.annotations.ExecutionTime.RUNTIME_INIT;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.quarkiverse.pipelinedeployment.deployment.custom.CustomEndpointBuildItem;
import io.quarkiverse.pipelinedeployment.runtime.EndpointsRecorder;
import io.quarkiverse.pipelinedeployment.runtime.custom.EndpointForm;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.RunTimeConfigurationDefaultBuildItem;
import io.quarkus.vertx.http.deployment.HttpRootPathBuildItem;
import io.quarkus.vertx.http.deployment.RouteBuildItem;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * One body limit: {@code quarkus.pipeline.max-request-size} bounds the bodies of the deployment's routes. Quarkus'
 * own {@code quarkus.http.limits.max-body-size} defaults to it (an explicit value still wins, the smaller of the two
 * applying), and a {@code Content-Length} over the limit is answered with the deployment's 413 JSON ahead of Quarkus'
 * own check, which answers with an empty body.
 */
class PipelineBodyLimitProcessor {

    static final String MAX_BODY_SIZE_KEY = "quarkus.http.limits.max-body-size";

    /**
     * Quarkus' body limit follows {@code quarkus.pipeline.max-request-size} (resolved at run time, from any source),
     * unless the application sets it.
     */
    @BuildStep
    RunTimeConfigurationDefaultBuildItem alignQuarkusBodyLimit() {
        return new RunTimeConfigurationDefaultBuildItem(MAX_BODY_SIZE_KEY, "${quarkus.pipeline.max-request-size:256M}");
    }

    /**
     * Checks the {@code Content-Length} of invoke requests, run submissions and the operations of native JAX-RS custom
     * endpoints,
     * which Quarkus' check would otherwise answer first. The other custom endpoints run ahead of Quarkus' check and
     * refuse a large body themselves.
     */
    @BuildStep
    @Record(RUNTIME_INIT)
    void registerBodyLimitRoutes(
            EndpointsRecorder recorder,
            PipelineEndpointsBuildItem endpoints,
            List<CustomEndpointBuildItem> customEndpoints,
            HttpRootPathBuildItem httpRootPath,
            BuildProducer<RouteBuildItem> routes) {
        Handler<RoutingContext> guard = null;
        Set<String> guarded = new HashSet<>();
        for (BuiltinEndpoint submissions : List.of(BuiltinEndpoint.INVOKE, BuiltinEndpoint.RUNS)) {
            String path = endpoints.path(submissions).orElse(null);
            if (path != null) {
                guard = guard != null ? guard : recorder.bodyLimitGuard();
                routes.produce(guardRoute(recorder, httpRootPath, path, "POST", guard));
                guarded.add("POST " + path);
            }
        }
        for (CustomEndpointBuildItem endpoint : customEndpoints) {
            if (endpoint.form() == EndpointForm.NATIVE_RESOURCE && endpoint.method().hasBody()
                    && guarded.add(endpoint.method() + " " + endpoint.vertxPath())) {
                guard = guard != null ? guard : recorder.bodyLimitGuard();
                routes.produce(guardRoute(recorder, httpRootPath, endpoint.vertxPath(), endpoint.method().name(), guard));
            }
        }
    }

    private static RouteBuildItem guardRoute(EndpointsRecorder recorder, HttpRootPathBuildItem httpRootPath,
            String path, String method, Handler<RoutingContext> guard) {
        return httpRootPath.routeBuilder()
                .routeFunction(httpRootPath.relativePath(path), recorder.route(List.of(method), RouteOrder.BODY_LIMIT))
                .handler(guard)
                .build();
    }
}
