package io.quarkiverse.pipelinedeployment.deployment.http;

import static io.quarkus.deployment.annotations.ExecutionTime.RUNTIME_INIT;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.quarkiverse.pipelinedeployment.deployment.PipelineBuildTimeConfig;
import io.quarkiverse.pipelinedeployment.deployment.custom.BuiltinMiddleware;
import io.quarkiverse.pipelinedeployment.runtime.EndpointsRecorder;
import io.quarkiverse.pipelinedeployment.runtime.RunsRecorder;
import io.quarkus.arc.deployment.SyntheticBeansRuntimeInitBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.vertx.http.deployment.HttpRootPathBuildItem;
import io.quarkus.vertx.http.deployment.RouteBuildItem;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The built-in REST endpoints: resolves their paths, then registers one route per enabled endpoint behind its gate,
 * plus the 405 and 404 JSON fallbacks under {@code quarkus.pipeline.root-path}.
 */
class PipelineEndpointsProcessor {

    static final String ROOT_PATH_KEY = "quarkus.pipeline.root-path";
    static final String API_PATH_KEY = "quarkus.pipeline.api-path";

    @BuildStep
    PipelineEndpointsBuildItem collectEndpoints(PipelineBuildTimeConfig config) {
        String root = PipelinePaths.prefix(ROOT_PATH_KEY, config.rootPath());
        String api = PipelinePaths.prefix(API_PATH_KEY, config.apiPath());
        Map<BuiltinEndpoint, String> paths = new EnumMap<>(BuiltinEndpoint.class);
        Map<String, BuiltinEndpoint> taken = new HashMap<>();
        for (BuiltinEndpoint endpoint : BuiltinEndpoint.parse(config.endpoints())) {
            String path = switch (endpoint) {
                case DOCS -> root + PipelinePaths.endpoint(endpoint.pathKey, config.docsPath());
                case REDOC -> root + PipelinePaths.endpoint(endpoint.pathKey, config.redocPath());
                case INVOKE -> root + api + PipelinePaths.endpoint(endpoint.pathKey, config.invokePath());
                case RUNS -> root + api + PipelinePaths.endpoint(endpoint.pathKey, config.runsPath());
                case HEALTH -> root + api + PipelinePaths.endpoint(endpoint.pathKey, config.healthPath());
                case INFO -> root + api + PipelinePaths.endpoint(endpoint.pathKey, config.infoPath());
                case METRICS -> root + api + PipelinePaths.endpoint(endpoint.pathKey, config.metricsPath());
                case DASHBOARD -> root.isEmpty() ? "/" : root;
            };
            BuiltinEndpoint other = taken.put(path, endpoint);
            if (other != null && other.pathKey != null && endpoint.pathKey != null) {
                throw new ConfigurationException("The " + other.configName + " and " + endpoint.configName
                        + " endpoints both resolve to " + path + ": change " + other.pathKey + " or "
                        + endpoint.pathKey, Set.of(other.pathKey, endpoint.pathKey));
            }
            paths.put(endpoint, path);
        }
        String runs = paths.get(BuiltinEndpoint.RUNS);
        if (runs != null) {
            // The runs endpoint serves every path below its own (<runs>/<id>, <runs>/<id>/result, ...)
            for (Map.Entry<BuiltinEndpoint, String> other : paths.entrySet()) {
                if (other.getKey().pathKey != null && other.getValue().startsWith(runs + "/")) {
                    throw new ConfigurationException("The " + other.getKey().configName + " endpoint's path "
                            + other.getValue() + " is below the runs endpoint's path " + runs + ", whose runs are at "
                            + runs + "/<id>: change " + other.getKey().pathKey + " or "
                            + BuiltinEndpoint.RUNS.pathKey, Set.of(other.getKey().pathKey, BuiltinEndpoint.RUNS.pathKey));
                }
            }
        }
        // Fail on a bad middleware name here too, whichever middleware gates pass
        BuiltinMiddleware.parse(config.middleware());
        Set<BuiltinEndpoint> protectedEndpoints = BuiltinEndpoint.parse(BuiltinEndpoint.PROTECTED_KEY,
                config.auth().protectedEndpoints());
        return new PipelineEndpointsBuildItem(root, api, paths, protectedEndpoints);
    }

    // Invoke

    @BuildStep(onlyIf = InvokeEndpointEnabled.class)
    ServedEndpointBuildItem declareInvokeEndpoint(PipelineEndpointsBuildItem endpoints) {
        return EndpointRoutes.served(endpoints, BuiltinEndpoint.INVOKE, EndpointRoutes.INVOKE_METHODS);
    }

    @BuildStep(onlyIf = InvokeEndpointEnabled.class)
    @Record(RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    RouteBuildItem registerInvokeRoute(
            EndpointsRecorder recorder,
            RunsRecorder runsRecorder,
            PipelineEndpointsBuildItem endpoints,
            HttpRootPathBuildItem httpRootPath) {
        // With the runs endpoint served, an invoke can be answered asynchronously or as an event stream
        String runs = endpoints.path(BuiltinEndpoint.RUNS).map(httpRootPath::relativePath).orElse(null);
        return EndpointRoutes.endpointRoute(recorder, endpoints, endpoints.path(BuiltinEndpoint.INVOKE).orElseThrow(),
                httpRootPath,
                BuiltinEndpoint.INVOKE, EndpointRoutes.INVOKE_METHODS,
                runsRecorder.submissions(runs, false), "Pipeline invoke (POST)");
    }

    // Info

    @BuildStep(onlyIf = InfoEndpointEnabled.class)
    ServedEndpointBuildItem declareInfoEndpoint(PipelineEndpointsBuildItem endpoints) {
        return EndpointRoutes.served(endpoints, BuiltinEndpoint.INFO, EndpointRoutes.READ_METHODS);
    }

    @BuildStep(onlyIf = InfoEndpointEnabled.class)
    @Record(RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    RouteBuildItem registerInfoRoute(
            EndpointsRecorder recorder,
            PipelineEndpointsBuildItem endpoints,
            HttpRootPathBuildItem httpRootPath) {
        return EndpointRoutes.endpointRoute(recorder, endpoints, endpoints.path(BuiltinEndpoint.INFO).orElseThrow(),
                httpRootPath,
                BuiltinEndpoint.INFO, EndpointRoutes.READ_METHODS,
                recorder.infoHandler(), "Pipeline info");
    }

    // Fallbacks

    @BuildStep
    @Record(RUNTIME_INIT)
    void registerMethodNotAllowedRoutes(
            EndpointsRecorder recorder,
            List<ServedEndpointBuildItem> servedEndpoints,
            HttpRootPathBuildItem httpRootPath,
            BuildProducer<RouteBuildItem> routes) {
        for (ServedEndpointBuildItem served : servedEndpoints) {
            Handler<RoutingContext> handler = recorder.methodNotAllowedHandler(String.join(", ", served.methods()));
            for (String path : served.allPaths()) {
                routes.produce(httpRootPath.routeBuilder()
                        .routeFunction(httpRootPath.relativePath(path),
                                recorder.route(List.of(), RouteOrder.METHOD_NOT_ALLOWED))
                        .handler(handler)
                        .build());
            }
        }
    }

    @BuildStep
    @Record(RUNTIME_INIT)
    RouteBuildItem registerNotFoundRoute(
            EndpointsRecorder recorder,
            PipelineEndpointsBuildItem endpoints,
            HttpRootPathBuildItem httpRootPath,
            Optional<DashboardBuildItem> dashboard) {
        String apiPrefix = endpoints.apiPath().isEmpty() ? null
                : httpRootPath.relativePath(endpoints.rootPath() + endpoints.apiPath());
        return httpRootPath.routeBuilder()
                .routeFunction(httpRootPath.relativePath(endpoints.rootPath() + "/*"),
                        recorder.route(List.of(), RouteOrder.NOT_FOUND))
                .handler(recorder.notFoundHandler(dashboard.map(DashboardBuildItem::handler).orElse(null), apiPrefix))
                .build();
    }
}
