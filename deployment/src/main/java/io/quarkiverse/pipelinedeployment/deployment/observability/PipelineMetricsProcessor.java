package io.quarkiverse.pipelinedeployment.deployment.observability;

import static io.quarkus.deployment.annotations.ExecutionTime.RUNTIME_INIT;

import io.quarkiverse.pipelinedeployment.deployment.http.BuiltinEndpoint;
import io.quarkiverse.pipelinedeployment.deployment.http.EndpointRoutes;
import io.quarkiverse.pipelinedeployment.deployment.http.PipelineEndpointsBuildItem;
import io.quarkiverse.pipelinedeployment.deployment.http.ServedEndpointBuildItem;
import io.quarkiverse.pipelinedeployment.runtime.EndpointsRecorder;
import io.quarkus.arc.deployment.SyntheticBeansRuntimeInitBuildItem;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.vertx.http.deployment.HttpRootPathBuildItem;
import io.quarkus.vertx.http.deployment.RouteBuildItem;

/**
 * The metrics endpoint: the Micrometer Prometheus registry's exposition at the configured path, or the seed
 * framework's JSON for {@code Accept: application/json}. The pipeline's meters are registered only when the endpoint
 * is served ({@code /q/metrics} then shows them too), so that an excluded endpoint has no copy under {@code /q}.
 */
@BuildSteps(onlyIf = MetricsEndpointEnabled.class)
class PipelineMetricsProcessor {

    @BuildStep
    ServedEndpointBuildItem declareMetricsEndpoint(PipelineEndpointsBuildItem endpoints) {
        return EndpointRoutes.served(endpoints, BuiltinEndpoint.METRICS,
                EndpointRoutes.READ_METHODS);
    }

    @BuildStep
    @Record(RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    RouteBuildItem registerMetricsRoute(
            EndpointsRecorder recorder,
            PipelineEndpointsBuildItem endpoints,
            HttpRootPathBuildItem httpRootPath) {
        return EndpointRoutes.endpointRoute(recorder, endpoints,
                endpoints.path(BuiltinEndpoint.METRICS).orElseThrow(),
                httpRootPath, BuiltinEndpoint.METRICS, EndpointRoutes.READ_METHODS,
                recorder.metricsHandler(), "Pipeline metrics");
    }
}
