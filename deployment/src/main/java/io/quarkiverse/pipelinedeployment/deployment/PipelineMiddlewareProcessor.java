package io.quarkiverse.pipelinedeployment.deployment;

import static io.quarkus.deployment.annotations.ExecutionTime.RUNTIME_INIT;

import io.quarkiverse.pipelinedeployment.runtime.PipelineRecorder;
import io.quarkus.arc.deployment.SyntheticBeansRuntimeInitBuildItem;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.vertx.http.deployment.FilterBuildItem;

/**
 * The built-in middleware as Quarkus HTTP filters, outermost of all: secure headers, then CORS. Each is pruned at
 * build time by {@code quarkus.pipeline.middleware}.
 */
class PipelineMiddlewareProcessor {

    @BuildStep(onlyIf = SecureHeadersEnabled.class)
    @Record(RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    FilterBuildItem secureHeaders(PipelineRecorder recorder) {
        return new FilterBuildItem(recorder.secureHeadersHandler(), RouteOrder.SECURE_HEADERS_FILTER);
    }

    @BuildStep(onlyIf = CorsEnabled.class)
    @Record(RUNTIME_INIT)
    FilterBuildItem cors(PipelineRecorder recorder) {
        return new FilterBuildItem(recorder.corsHandler(), RouteOrder.CORS_FILTER);
    }
}
