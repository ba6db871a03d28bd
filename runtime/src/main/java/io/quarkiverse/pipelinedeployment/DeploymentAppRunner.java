package io.quarkiverse.pipelinedeployment;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.pipelinedeployment.runtime.PipelineRuntime;
import io.quarkiverse.pipelinedeployment.runtime.RouterHolder;
import io.vertx.ext.web.Router;

/**
 * The built-in {@link AppRunner}, of flavor {@code vertx}: the deployment's routes are Vert.x routes registered by
 * the extension's build steps on the Quarkus HTTP router.
 */
@Singleton
public class DeploymentAppRunner implements AppRunner {

    @Inject
    DeploymentService service;

    @Inject
    PipelineRuntime runtime;

    @Override
    public Router router() {
        return RouterHolder.get();
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
        return runtime.endpoints();
    }

    @Override
    public String flavor() {
        return PipelineRuntime.VERTX_FLAVOR;
    }
}
