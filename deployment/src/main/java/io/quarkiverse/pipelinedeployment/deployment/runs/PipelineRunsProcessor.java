package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.quarkus.deployment.annotations.ExecutionTime.RUNTIME_INIT;

import java.util.List;
import java.util.Set;

import jakarta.inject.Singleton;

import io.quarkiverse.pipelinedeployment.deployment.PipelineBuildTimeConfig;
import io.quarkiverse.pipelinedeployment.deployment.PipelineBuildTimeConfig.RunStoreKind;
import io.quarkiverse.pipelinedeployment.deployment.http.BuiltinEndpoint;
import io.quarkiverse.pipelinedeployment.deployment.http.EndpointRoutes;
import io.quarkiverse.pipelinedeployment.deployment.http.PipelineEndpointsBuildItem;
import io.quarkiverse.pipelinedeployment.deployment.http.RouteOrder;
import io.quarkiverse.pipelinedeployment.deployment.http.ServedEndpointBuildItem;
import io.quarkiverse.pipelinedeployment.runtime.EndpointsRecorder;
import io.quarkiverse.pipelinedeployment.runtime.RunsRecorder;
import io.quarkiverse.pipelinedeployment.runtime.runs.RunStore;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeansRuntimeInitBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.vertx.http.deployment.HttpRootPathBuildItem;
import io.quarkus.vertx.http.deployment.RouteBuildItem;

/**
 * Runs as resources: the run store (always, since every invocation may be recorded and idempotency keys need it), and
 * the runs endpoint's routes behind its gate: submissions, records, results, cancels and event streams.
 */
class PipelineRunsProcessor {

    /** The methods of {@code <runs>}: list and submit. */
    static final List<String> RUNS_METHODS = List.of("GET", "HEAD", "POST");

    /** A route below the runs endpoint: its path after {@code <runs>}, its methods and its action. */
    private record RunRoute(String subPath, List<String> methods, String action) {
    }

    private static final List<RunRoute> RUN_ROUTES = List.of(
            new RunRoute("/:id", List.of("GET", "HEAD"), "GET"),
            new RunRoute("/:id", List.of("DELETE"), "CANCEL"),
            new RunRoute("/:id/result", List.of("GET", "HEAD"), "RESULT"),
            new RunRoute("/:id/events", List.of("GET"), "EVENTS"),
            new RunRoute("/:id/cancel", List.of("POST"), "CANCEL"));

    /** What the Redis run store's extension ({@code quarkus-pipeline-deployment-redis}) provides. */
    static final String REDIS_STORE = "io.quarkiverse.pipelinedeployment.redis";

    @BuildStep
    @Record(RUNTIME_INIT)
    void registerRunStore(PipelineBuildTimeConfig config, Capabilities capabilities, RunsRecorder recorder,
            BuildProducer<SyntheticBeanBuildItem> beans) {
        if (config.runs().store() == RunStoreKind.REDIS) {
            if (!capabilities.isPresent(REDIS_STORE)) {
                throw new ConfigurationException("quarkus.pipeline.runs.store=redis needs the Redis run store: add the"
                        + " io.quarkiverse.pipelinedeployment:quarkus-pipeline-deployment-redis extension to the"
                        + " application (it brings io.quarkus:quarkus-redis-client)",
                        Set.of("quarkus.pipeline.runs.store"));
            }
            return; // registered by the Redis extension
        }
        beans.produce(SyntheticBeanBuildItem.configure(RunStore.class)
                .scope(Singleton.class)
                .unremovable()
                .setRuntimeInit()
                .supplier(recorder.memoryStore())
                .done());
    }

    @BuildStep(onlyIf = RunsEndpointEnabled.class)
    ServedEndpointBuildItem declareRunsEndpoint(PipelineEndpointsBuildItem endpoints) {
        return EndpointRoutes.served(endpoints, BuiltinEndpoint.RUNS, RUNS_METHODS);
    }

    @BuildStep(onlyIf = RunsEndpointEnabled.class)
    @Record(RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    void registerRunsRoutes(
            EndpointsRecorder recorder,
            RunsRecorder runsRecorder,
            PipelineEndpointsBuildItem endpoints,
            HttpRootPathBuildItem httpRootPath,
            BuildProducer<RouteBuildItem> routes) {
        String path = endpoints.path(BuiltinEndpoint.RUNS).orElseThrow();
        String absolute = httpRootPath.relativePath(path);
        routes.produce(EndpointRoutes.endpointRoute(recorder, endpoints, path, httpRootPath, BuiltinEndpoint.RUNS,
                List.of("POST"), runsRecorder.submissions(absolute, true), "Pipeline runs: submit (POST)"));
        routes.produce(EndpointRoutes.endpointRoute(recorder, endpoints, path, httpRootPath, BuiltinEndpoint.RUNS,
                List.of("GET", "HEAD"), runsRecorder.runsHandler("LIST", absolute), "Pipeline runs: list"));
        for (RunRoute route : RUN_ROUTES) {
            routes.produce(EndpointRoutes.endpointRoute(recorder, endpoints, path + route.subPath(), httpRootPath,
                    BuiltinEndpoint.RUNS, route.methods(), runsRecorder.runsHandler(route.action(), absolute),
                    "Pipeline runs: " + route.action().toLowerCase() + " " + route.subPath(),
                    RouteOrder.PATH_PARAMETERS));
        }
        // 405 on the paths below <runs>, with the methods each serves (<runs> itself is a served endpoint's path)
        for (String subPath : List.of("/:id", "/:id/result", "/:id/events", "/:id/cancel")) {
            String allow = String.join(", ", RUN_ROUTES.stream().filter(r -> r.subPath().equals(subPath))
                    .flatMap(r -> r.methods().stream()).toList());
            routes.produce(httpRootPath.routeBuilder()
                    .routeFunction(httpRootPath.relativePath(path + subPath),
                            recorder.route(List.of(), RouteOrder.METHOD_NOT_ALLOWED))
                    .handler(recorder.methodNotAllowedHandler(allow))
                    .build());
        }
    }
}
