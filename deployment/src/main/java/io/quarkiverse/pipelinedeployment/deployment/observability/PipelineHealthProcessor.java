package io.quarkiverse.pipelinedeployment.deployment.observability;

import static io.quarkus.deployment.annotations.ExecutionTime.RUNTIME_INIT;

import java.util.List;

import io.quarkiverse.pipelinedeployment.deployment.http.BuiltinEndpoint;
import io.quarkiverse.pipelinedeployment.deployment.http.EndpointRoutes;
import io.quarkiverse.pipelinedeployment.deployment.http.PipelineEndpointsBuildItem;
import io.quarkiverse.pipelinedeployment.deployment.http.ServedEndpointBuildItem;
import io.quarkiverse.pipelinedeployment.runtime.EndpointsRecorder;
import io.quarkiverse.pipelinedeployment.runtime.http.HealthHandler;
import io.quarkiverse.pipelinedeployment.runtime.observability.PipelineHealthCheck;
import io.quarkiverse.pipelinedeployment.runtime.observability.PipelineReadinessCheck;
import io.quarkus.arc.deployment.SyntheticBeansRuntimeInitBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.smallrye.health.deployment.spi.HealthBuildItem;
import io.quarkus.vertx.http.deployment.HttpRootPathBuildItem;
import io.quarkus.vertx.http.deployment.RouteBuildItem;

/**
 * The health endpoint: {@code <health>}, {@code <health>/live} and {@code <health>/ready} answered by SmallRye
 * Health, and the deployment's own check, named after the pipeline.
 */
@BuildSteps(onlyIf = HealthEndpointEnabled.class)
class PipelineHealthProcessor {

    @BuildStep
    ServedEndpointBuildItem declareHealthEndpoint(PipelineEndpointsBuildItem endpoints) {
        return new ServedEndpointBuildItem(BuiltinEndpoint.HEALTH, endpoints.path(BuiltinEndpoint.HEALTH).orElseThrow(),
                EndpointRoutes.READ_METHODS, List.of(EndpointRoutes.HEALTH_LIVE, EndpointRoutes.HEALTH_READY));
    }

    /** The liveness and readiness checks: beans only when health is served, so {@code /q/health} has no copy. */
    @BuildStep
    void registerHealthChecks(BuildProducer<HealthBuildItem> checks) {
        checks.produce(new HealthBuildItem(PipelineHealthCheck.class.getName(), true));
        checks.produce(new HealthBuildItem(PipelineReadinessCheck.class.getName(), true));
    }

    @BuildStep
    @Record(RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    void registerHealthRoutes(
            EndpointsRecorder recorder,
            PipelineEndpointsBuildItem endpoints,
            HttpRootPathBuildItem httpRootPath,
            BuildProducer<RouteBuildItem> routes) {
        String path = endpoints.path(BuiltinEndpoint.HEALTH).orElseThrow();
        routes.produce(EndpointRoutes.endpointRoute(recorder, endpoints, path, httpRootPath, BuiltinEndpoint.HEALTH,
                EndpointRoutes.READ_METHODS, recorder.healthHandler(HealthHandler.Kind.ALL),
                "Pipeline health"));
        routes.produce(EndpointRoutes.endpointRoute(recorder, endpoints, path + EndpointRoutes.HEALTH_LIVE, httpRootPath,
                BuiltinEndpoint.HEALTH, EndpointRoutes.READ_METHODS,
                recorder.healthHandler(HealthHandler.Kind.LIVENESS), "Pipeline liveness"));
        routes.produce(EndpointRoutes.endpointRoute(recorder, endpoints, path + EndpointRoutes.HEALTH_READY, httpRootPath,
                BuiltinEndpoint.HEALTH, EndpointRoutes.READ_METHODS,
                recorder.healthHandler(HealthHandler.Kind.READINESS), "Pipeline readiness"));
    }
}
