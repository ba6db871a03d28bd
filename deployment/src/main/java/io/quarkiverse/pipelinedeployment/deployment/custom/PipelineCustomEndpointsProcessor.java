package io.quarkiverse.pipelinedeployment.deployment.custom;

import static io.quarkus.deployment.annotations.ExecutionTime.RUNTIME_INIT;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

import io.quarkiverse.pipelinedeployment.EndpointMethod;
import io.quarkiverse.pipelinedeployment.PipelineEndpoint;
import io.quarkiverse.pipelinedeployment.deployment.ClassReference;
import io.quarkiverse.pipelinedeployment.deployment.JandexReferences;
import io.quarkiverse.pipelinedeployment.deployment.PipelineBuildTimeConfig;
import io.quarkiverse.pipelinedeployment.deployment.http.PipelineEndpointsBuildItem;
import io.quarkiverse.pipelinedeployment.deployment.http.PipelinePaths;
import io.quarkiverse.pipelinedeployment.deployment.http.RouteOrder;
import io.quarkiverse.pipelinedeployment.deployment.security.GuardedResourceBuildItem;
import io.quarkiverse.pipelinedeployment.runtime.CustomizationRecorder;
import io.quarkiverse.pipelinedeployment.runtime.EndpointsRecorder;
import io.quarkiverse.pipelinedeployment.runtime.custom.CodeReference;
import io.quarkiverse.pipelinedeployment.runtime.custom.EndpointForm;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeansRuntimeInitBuildItem;
import io.quarkus.arc.processor.BuiltinScope;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.resteasy.reactive.spi.AdditionalResourceClassBuildItem;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.vertx.http.deployment.HttpRootPathBuildItem;
import io.quarkus.vertx.http.deployment.RouteBuildItem;
import io.quarkus.vertx.http.deployment.VertxWebRouterBuildItem;

/**
 * Custom endpoints: collects them from {@code quarkus.pipeline.custom-endpoints} and {@code @PipelineEndpoint},
 * checks their handlers in the Jandex index, then registers one route each, ahead of the built-in routes so that a
 * custom endpoint on a built-in endpoint's method and path replaces it.
 */
class PipelineCustomEndpointsProcessor {

    private static final DotName PIPELINE_ENDPOINT = DotName.createSimple(PipelineEndpoint.class);

    @BuildStep
    void collectCustomEndpoints(
            PipelineBuildTimeConfig config,
            CombinedIndexBuildItem combinedIndex,
            PipelineEndpointsBuildItem endpoints,
            Capabilities capabilities,
            BuildProducer<CustomEndpointBuildItem> customEndpoints,
            BuildProducer<GuardedResourceBuildItem> guardedResources,
            BuildProducer<AdditionalResourceClassBuildItem> resources,
            BuildProducer<AdditionalBeanBuildItem> beans,
            BuildProducer<ReflectiveClassBuildItem> reflection) {
        IndexView index = combinedIndex.getComputingIndex();
        boolean rest = capabilities.isPresent(Capability.REST);
        Map<String, String> taken = new HashMap<>();
        for (Map.Entry<String, PipelineBuildTimeConfig.CustomEndpointConfig> e : config.customEndpoints().entrySet()) {
            String prefix = "quarkus.pipeline.custom-endpoints.\"" + e.getKey() + "\"";
            PipelineBuildTimeConfig.CustomEndpointConfig c = e.getValue();
            String handler = c.handler().trim();
            EndpointForm form = CustomEndpointForms.classify(prefix, handler, c.nativeHandler(), c.initArgs(), index,
                    rest);
            prepare(prefix + ".handler", handler, form, index, beans, reflection);
            if (form.routed()) {
                String path = endpoints.rootPath() + PipelinePaths.customEndpoint(prefix + ".path", c.path());
                register(prefix, path, c.method(), taken);
                customEndpoints.produce(new CustomEndpointBuildItem(prefix, path, c.method(), handler, c.initArgs(),
                        c.authRequired(), form));
                continue;
            }
            // A native router or JAX-RS resource is mounted at the path ("/" meaning the root path itself)
            String mount = endpoints.rootPath() + PipelinePaths.prefix(prefix + ".path", Optional.of(c.path()));
            if (form == EndpointForm.NATIVE_ROUTER) {
                if (c.authRequired() && mount.isEmpty()) {
                    throw new ConfigurationException(prefix + ".auth-required=true would put every path of the "
                            + "application behind the API keys: give " + prefix + ".path a path of its own, or set "
                            + prefix + ".auth-required=false", Set.of(prefix + ".auth-required", prefix + ".path"));
                }
                customEndpoints.produce(new CustomEndpointBuildItem(prefix, mount, null, handler, Map.of(),
                        c.authRequired(), form));
                continue;
            }
            ClassInfo resource = index.getClassByName(DotName.createSimple(handler));
            resources.produce(new AdditionalResourceClassBuildItem(resource, mount.isEmpty() ? "/" : mount));
            if (c.authRequired()) {
                guardedResources.produce(new GuardedResourceBuildItem(handler, mount));
            }
            for (CustomEndpointForms.ResourceOperation operation : CustomEndpointForms.resourceOperations(resource, index)) {
                String path = mount + operation.path();
                path = path.isEmpty() ? "/" : path;
                register(prefix, path, operation.method(), taken);
                customEndpoints.produce(new CustomEndpointBuildItem(prefix, path, operation.method(), handler,
                        Map.of(), c.authRequired(), form));
            }
        }
        for (AnnotationInstance annotation : index.getAnnotations(PIPELINE_ENDPOINT)) {
            if (annotation.target().kind() != AnnotationTarget.Kind.METHOD) {
                continue;
            }
            MethodInfo method = annotation.target().asMethod();
            String handler = ClassReference.of(method);
            String source = "@PipelineEndpoint on " + handler;
            String path = endpoints.rootPath() + PipelinePaths.customEndpoint(source, annotation.value("path").asString());
            AnnotationValue m = annotation.value("method");
            EndpointMethod httpMethod = m == null ? EndpointMethod.GET : EndpointMethod.valueOf(m.asEnum());
            AnnotationValue auth = annotation.value("authRequired");
            prepare(source, handler, EndpointForm.DIRECT_METHOD, index, beans, reflection);
            register(source, path, httpMethod, taken);
            customEndpoints.produce(new CustomEndpointBuildItem(source, path, httpMethod, handler, Map.of(),
                    auth == null || auth.asBoolean(), EndpointForm.DIRECT_METHOD));
        }
    }

    private static void register(String source, String path, EndpointMethod method, Map<String, String> taken) {
        String other = taken.put(method + " " + path.replaceAll("\\{[^}/]+}", "{}"), source);
        if (other != null) {
            throw new ConfigurationException(source + " and " + other + " both declare " + method + " " + path,
                    Set.of(source, other));
        }
    }

    /**
     * Makes the owners of bean methods beans, and keeps the handler classes reflectively constructible for native
     * images. Quarkus REST takes care of a JAX-RS resource.
     */
    private static void prepare(String source, String handler, EndpointForm form, IndexView index,
            BuildProducer<AdditionalBeanBuildItem> beans, BuildProducer<ReflectiveClassBuildItem> reflection) {
        if (form == EndpointForm.NATIVE_RESOURCE) {
            return;
        }
        ClassReference reference = ClassReference.parse(handler);
        String className = reference.className();
        if (reference.isMethod()
                && !java.lang.reflect.Modifier.isStatic(JandexReferences.method(source, handler, index).flags())) {
            beans.produce(AdditionalBeanBuildItem.builder().addBeanClass(className)
                    .setDefaultScope(BuiltinScope.SINGLETON.getName()).setUnremovable().build());
        }
        reflection.produce(ReflectiveClassBuildItem.builder(className).constructors().methods()
                .reason(PipelineCustomEndpointsProcessor.class.getName()).build());
    }

    @BuildStep
    @Record(RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    void registerCustomEndpointRoutes(
            EndpointsRecorder recorder,
            CustomizationRecorder custom,
            List<CustomEndpointBuildItem> customEndpoints,
            HttpRootPathBuildItem httpRootPath,
            BuildProducer<RouteBuildItem> routes) {
        Map<String, List<String>> methodsByPath = new java.util.LinkedHashMap<>();
        for (CustomEndpointBuildItem endpoint : customEndpoints) {
            switch (endpoint.form) {
                case NATIVE_ROUTER -> {
                    // Mounted by mountCustomRouters; the whole mount is guarded ahead of it, by a route on the very
                    // same path pattern, so whatever reaches the mount went through the guard
                    if (endpoint.authRequired) {
                        routes.produce(httpRootPath.routeBuilder()
                                .routeFunction(httpRootPath.relativePath(endpoint.path + "/*"),
                                        recorder.route(List.of(), RouteOrder.CUSTOM_ENDPOINT - 1))
                                .handler(recorder.authGuard()).build());
                    }
                }
                case NATIVE_RESOURCE -> {
                    // Served by Quarkus REST, which answers the 405s; guarded inside it (PipelineSecurityProcessor)
                }
                default -> {
                    methodsByPath.computeIfAbsent(endpoint.vertxPath(), p -> new java.util.ArrayList<>())
                            .add(endpoint.method.name());
                    var handler = custom.customEndpointHandler(endpoint.source, CodeReference.parse(endpoint.handler),
                            endpoint.form, endpoint.method.hasBody(), endpoint.pathParameters(), endpoint.initArgs);
                    routes.produce(httpRootPath.routeBuilder()
                            .routeFunction(httpRootPath.relativePath(endpoint.vertxPath()),
                                    recorder.route(List.of(endpoint.method.name()), RouteOrder.CUSTOM_ENDPOINT))
                            .handler(endpoint.authRequired ? recorder.protect(handler) : handler)
                            .displayOnNotFoundPage(endpoint.method + " " + endpoint.path)
                            .build());
                }
            }
        }
        // 405 for the other methods on each custom path
        for (Map.Entry<String, List<String>> e : methodsByPath.entrySet()) {
            routes.produce(httpRootPath.routeBuilder()
                    .routeFunction(httpRootPath.relativePath(e.getKey()),
                            recorder.route(List.of(), RouteOrder.METHOD_NOT_ALLOWED))
                    .handler(recorder.methodNotAllowedHandler(String.join(", ", e.getValue())))
                    .build());
        }
    }

    /**
     * Mounts each native {@code Consumer<Router>} endpoint on the application router, at its path, ahead of the
     * built-in endpoints; the routes it installs are relative to that path.
     */
    @BuildStep
    @Record(RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    void mountCustomRouters(
            CustomizationRecorder recorder,
            List<CustomEndpointBuildItem> customEndpoints,
            VertxWebRouterBuildItem router) {
        for (CustomEndpointBuildItem endpoint : customEndpoints) {
            if (endpoint.form == EndpointForm.NATIVE_ROUTER) {
                recorder.mountCustomRouter(router.getHttpRouter(), CodeReference.parse(endpoint.handler), endpoint.path,
                        RouteOrder.CUSTOM_ENDPOINT);
            }
        }
    }
}
