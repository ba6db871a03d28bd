package io.quarkiverse.pipelinedeployment;

import java.util.List;

import io.vertx.ext.web.Router;

/**
 * The component that assembles the deployment's HTTP application; handed to app extensions, hooks and endpoint
 * builders. Inject it with {@code @Inject AppRunner}.
 */
public interface AppRunner {

    /** The Vert.x router the deployment's routes are mounted on. */
    Router router();

    /** The deployment service behind invoke, info, health and metrics. */
    DeploymentService service();

    /** What the info endpoint reports now. */
    DeploymentInfo deployment();

    /** The resolved endpoints, with their composed paths. */
    List<EndpointDescriptor> endpoints();

    /** The runner's flavor, reported as {@code app_runner_flavor} in {@code /info}. */
    String flavor();
}
