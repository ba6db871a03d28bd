package io.quarkiverse.pipelinedeployment.spi;

import java.util.List;
import java.util.Map;

import io.quarkiverse.pipelinedeployment.DeploymentInfo;
import io.quarkiverse.pipelinedeployment.EndpointDescriptor;
import io.quarkiverse.pipelinedeployment.InvocationRequest;
import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.MiddlewareDescriptor;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.Router;

/**
 * What the built-in {@code PipelineDeploymentService} and {@code DeploymentAppRunner} need from the extension's
 * engine, so that the public API depends on no internal class. A CDI bean provided by the extension.
 * <p>
 * Internal: applications neither implement nor call it, and it may change in any release.
 */
public interface PipelineEngine {

    /** The flavor of the built-in app runner, reported as {@code app_runner_flavor} in {@code /info}. */
    String VERTX_FLAVOR = "vertx";

    /**
     * Binds and validates the request's parameters and runs the pipeline following its execution model, recording
     * its steps and counting the run.
     */
    Uni<InvocationResponse> invoke(InvocationRequest request);

    /**
     * The deployment's description with its current state: executions so far, the last execution's time, the
     * uptime, and {@code healthy} as given.
     */
    DeploymentInfo info(boolean healthy);

    /**
     * The application's HTTP router.
     *
     * @throws IllegalStateException before the router exists
     */
    Router router();

    /** The deployment's endpoints, built-in and custom. */
    List<EndpointDescriptor> endpoints();

    /** The deployment's middlewares, in order. */
    List<MiddlewareDescriptor> middlewares();

    /** The effective {@code quarkus.pipeline.*} settings. */
    Map<String, String> settings();

    /** {@code quarkus.pipeline.app-runner-args}. */
    Map<String, String> appRunnerArgs();
}
