package io.quarkiverse.pipelinedeployment;

import java.util.List;
import java.util.Map;

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

    /**
     * The resolved endpoints, with their composed paths: the built-in ones the deployment serves (less any method a
     * custom endpoint took over), then the custom ones.
     */
    List<EndpointDescriptor> endpoints();

    /** The resolved middleware, outermost first: the built-in ones, then the custom ones by order. */
    List<MiddlewareDescriptor> middlewares();

    /**
     * The effective {@code quarkus.pipeline.*} settings, by property name, as resolved from every configuration
     * source at startup; the values of {@code auth.api-keys} are masked.
     */
    Map<String, String> settings();

    /** The runner's flavor, reported as {@code app_runner_flavor} in {@code /info}. */
    String flavor();
}
