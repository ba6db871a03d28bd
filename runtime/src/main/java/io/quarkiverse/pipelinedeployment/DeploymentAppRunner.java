package io.quarkiverse.pipelinedeployment;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.pipelinedeployment.spi.PipelineEngine;
import io.quarkus.arc.DefaultBean;
import io.vertx.ext.web.Router;

/**
 * The built-in {@link AppRunner}, of flavor {@code vertx}: the deployment's routes are Vert.x routes registered by
 * the extension's build steps on the Quarkus HTTP router.
 * <p>
 * Subclass it and name the subclass in {@code quarkus.pipeline.app-runner} to change what the runner exposes to
 * extensions, hooks and endpoint builders, and its {@link #flavor()}, reported as {@code app_runner_flavor} in
 * {@code /info}. The subclass is a CDI bean (a {@code @Singleton} unless it says otherwise) and reads
 * {@code quarkus.pipeline.app-runner-args} through {@link #args()}.
 */
@Singleton
@DefaultBean
public class DeploymentAppRunner implements AppRunner {

    @Inject
    DeploymentService service;

    @Inject
    PipelineEngine engine;

    @Override
    public Router router() {
        return engine.router();
    }

    @Override
    public DeploymentService service() {
        return service;
    }

    @Override
    public DeploymentInfo deployment() {
        return service.info();
    }

    @Override
    public List<EndpointDescriptor> endpoints() {
        return engine.endpoints();
    }

    @Override
    public List<MiddlewareDescriptor> middlewares() {
        return engine.middlewares();
    }

    @Override
    public Map<String, String> settings() {
        return engine.settings();
    }

    @Override
    public String flavor() {
        return PipelineEngine.VERTX_FLAVOR;
    }

    /**
     * {@code quarkus.pipeline.app-runner-args}.
     */
    public Map<String, String> args() {
        return engine.appRunnerArgs();
    }
}
