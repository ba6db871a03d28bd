package io.quarkiverse.pipelinedeployment.deployment;

import static io.quarkus.deployment.annotations.ExecutionTime.RUNTIME_INIT;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import io.quarkiverse.pipelinedeployment.runtime.PipelineRecorder;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeansRuntimeInitBuildItem;
import io.quarkus.arc.processor.BuiltinScope;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.vertx.http.deployment.HttpRootPathBuildItem;
import io.quarkus.vertx.http.deployment.RouteBuildItem;

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
            BuildProducer<CustomEndpointBuildItem> customEndpoints,
            BuildProducer<AdditionalBeanBuildItem> beans,
            BuildProducer<ReflectiveClassBuildItem> reflection) {
        IndexView index = combinedIndex.getComputingIndex();
        Map<String, String> taken = new HashMap<>();
        for (Map.Entry<String, PipelineBuildTimeConfig.CustomEndpointConfig> e : config.customEndpoints().entrySet()) {
            String prefix = "quarkus.pipeline.custom-endpoints.\"" + e.getKey() + "\"";
            PipelineBuildTimeConfig.CustomEndpointConfig c = e.getValue();
            String path = endpoints.rootPath() + PipelinePaths.customEndpoint(prefix + ".path", c.path());
            String handler = c.handler().trim();
            checkHandler(prefix + ".handler", handler, index, beans, reflection);
            register(prefix, path, c.method(), taken);
            customEndpoints.produce(new CustomEndpointBuildItem(prefix, path, c.method(), handler, c.initArgs(),
                    c.authRequired(), c.nativeHandler()));
        }
        for (AnnotationInstance annotation : index.getAnnotations(PIPELINE_ENDPOINT)) {
            if (annotation.target().kind() != AnnotationTarget.Kind.METHOD) {
                continue;
            }
            MethodInfo method = annotation.target().asMethod();
            String handler = method.declaringClass().name() + "#" + method.name();
            String source = "@PipelineEndpoint on " + handler;
            String path = endpoints.rootPath() + PipelinePaths.customEndpoint(source, annotation.value("path").asString());
            AnnotationValue m = annotation.value("method");
            EndpointMethod httpMethod = m == null ? EndpointMethod.GET : EndpointMethod.valueOf(m.asEnum());
            AnnotationValue auth = annotation.value("authRequired");
            checkHandler(source, handler, index, beans, reflection);
            register(source, path, httpMethod, taken);
            customEndpoints.produce(new CustomEndpointBuildItem(source, path, httpMethod, handler, Map.of(),
                    auth == null || auth.asBoolean(), false));
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
     * Checks that the handler's class (and method) exist, makes method owners beans, and keeps the classes
     * reflectively constructible for native images.
     */
    private static void checkHandler(String key, String handler, IndexView index,
            BuildProducer<AdditionalBeanBuildItem> beans, BuildProducer<ReflectiveClassBuildItem> reflection) {
        String className = handler.contains("#") ? handler.substring(0, handler.indexOf('#')) : handler;
        if (handler.contains("#")) {
            MethodInfo method = PipelineHooksProcessor.method(key, handler, index);
            if (!java.lang.reflect.Modifier.isStatic(method.flags())) {
                beans.produce(AdditionalBeanBuildItem.builder().addBeanClass(className)
                        .setDefaultScope(BuiltinScope.SINGLETON.getName()).setUnremovable().build());
            }
        } else {
            ClassInfo clazz = index.getClassByName(DotName.createSimple(className));
            if (clazz == null) {
                throw new ConfigurationException(key + "=" + handler + ": no such class in the application",
                        Set.of(key));
            }
        }
        reflection.produce(ReflectiveClassBuildItem.builder(className).constructors().methods()
                .reason(PipelineCustomEndpointsProcessor.class.getName()).build());
    }

    @BuildStep
    @Record(RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    void registerCustomEndpointRoutes(
            PipelineRecorder recorder,
            List<CustomEndpointBuildItem> customEndpoints,
            HttpRootPathBuildItem httpRootPath,
            BuildProducer<RouteBuildItem> routes) {
        Map<String, List<String>> methodsByPath = new java.util.LinkedHashMap<>();
        for (CustomEndpointBuildItem endpoint : customEndpoints) {
            methodsByPath.computeIfAbsent(endpoint.vertxPath(), p -> new java.util.ArrayList<>())
                    .add(endpoint.method.name());
            var handler = recorder.customEndpointHandler(endpoint.handler, endpoint.nativeHandler,
                    endpoint.method.hasBody(), endpoint.pathParameters(), endpoint.initArgs);
            routes.produce(httpRootPath.routeBuilder()
                    .routeFunction(httpRootPath.relativePath(endpoint.vertxPath()),
                            recorder.route(List.of(endpoint.method.name()), RouteOrder.CUSTOM_ENDPOINT))
                    .handler(endpoint.authRequired ? recorder.protect(handler) : handler)
                    .displayOnNotFoundPage(endpoint.method + " " + endpoint.path)
                    .build());
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
}
