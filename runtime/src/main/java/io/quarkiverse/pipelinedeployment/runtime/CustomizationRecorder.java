package io.quarkiverse.pipelinedeployment.runtime;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.pipelinedeployment.AppRunner;
import io.quarkiverse.pipelinedeployment.DeploymentService;
import io.quarkiverse.pipelinedeployment.PipelineDeploymentService;
import io.quarkiverse.pipelinedeployment.runtime.custom.CodeReference;
import io.quarkiverse.pipelinedeployment.runtime.custom.CustomEndpoints;
import io.quarkiverse.pipelinedeployment.runtime.custom.EndpointForm;
import io.quarkiverse.pipelinedeployment.runtime.custom.Instances;
import io.quarkiverse.pipelinedeployment.runtime.custom.ServiceLifecycle;
import io.quarkiverse.pipelinedeployment.runtime.engine.PipelineRuntime;
import io.quarkiverse.pipelinedeployment.runtime.http.RequestBodies;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.annotations.Recorder;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Wires what the application adds at startup: the service class, custom endpoints and middleware, app extensions,
 * and the service's lifecycle with its hooks.
 */
@Recorder
public class CustomizationRecorder {

    private final RuntimeValue<PipelineRuntimeConfig> config;

    public CustomizationRecorder(RuntimeValue<PipelineRuntimeConfig> config) {
        this.config = config;
    }

    /**
     * The default deployment service: the built-in one, or {@code quarkus.pipeline.service-class} built with
     * {@code quarkus.pipeline.service-args} through its {@code (Map<String, String>)} constructor, or its no-argument
     * one.
     */
    public Supplier<DeploymentService> defaultService(String serviceClass) {
        if (serviceClass == null) {
            return PipelineDeploymentService::new;
        }
        return () -> (DeploymentService) Instances.create(serviceClass, config.getValue().serviceArgs(),
                "quarkus.pipeline.service-class");
    }

    /**
     * A custom middleware: a {@code Handler<RoutingContext>} class (built with its {@code (Map<String, String>)}
     * constructor when it has one and is not native), or a static {@code Class#method}.
     */
    @SuppressWarnings("unchecked")
    public Handler<RoutingContext> middleware(CodeReference reference, Map<String, String> initArgs,
            boolean nativeForm) {
        if (reference.isMethod()) {
            return CustomEndpoints.middleware(reference, initArgs);
        }
        return (Handler<RoutingContext>) Instances.create(reference.className(), nativeForm ? null : initArgs,
                "quarkus.pipeline.custom-middlewares");
    }

    /**
     * The handler of a custom endpoint, built once at startup from its form.
     *
     * @param source the property or annotation that declared it, for messages
     * @param pathParameters the names of the path's parameters
     */
    public Handler<RoutingContext> customEndpointHandler(String source, CodeReference reference, EndpointForm form,
            boolean bodyMethod, List<String> pathParameters, Map<String, String> initArgs) {
        PipelineRuntimeConfig runtimeConfig = config.getValue();
        return CustomEndpoints.handler(source, reference, form, bodyMethod, pathParameters, initArgs,
                Arc.container().instance(ObjectMapper.class).get(), RequestBodies.limit(runtimeConfig.maxRequestSize()),
                runtimeConfig.invokeTimeout());
    }

    /** Mounts a native {@code Consumer<Router>} custom endpoint at {@code mountPath}, with the given route order. */
    public void mountCustomRouter(RuntimeValue<Router> router, CodeReference reference, String mountPath, int order) {
        CustomEndpoints.mountRouter(reference, router.getValue(), mountPath, order);
    }

    /**
     * Hands the router to the engine for {@code AppRunner.router()}, then installs the app extensions, in order.
     *
     * @param extensions class names, sorted by their order
     * @param args each extension's arguments
     */
    public void installExtensions(RuntimeValue<Router> router, List<String> extensions,
            List<Map<String, String>> args) {
        Arc.container().instance(PipelineRuntime.class).get().routerReady(router.getValue());
        ServiceLifecycle.installExtensions(Arc.container().instance(AppRunner.class).get(), extensions, args);
    }

    /**
     * Initializes the deployment service before the first request, and on shutdown drains the invocation pool
     * before the service's cleanup.
     *
     * @param startupHook {@code quarkus.pipeline.startup-hook}, or {@code null}
     * @param shutdownHook {@code quarkus.pipeline.shutdown-hook}, or {@code null}
     */
    public void initializeService(ShutdownContext shutdown, CodeReference startupHook, CodeReference shutdownHook) {
        shutdown.addShutdownTask(ServiceLifecycle.start(Arc.container().instance(DeploymentService.class).get(),
                Arc.container().instance(PipelineRuntime.class).get(), Arc.container().instance(AppRunner.class).get(),
                config.getValue(), startupHook, shutdownHook));
    }
}
