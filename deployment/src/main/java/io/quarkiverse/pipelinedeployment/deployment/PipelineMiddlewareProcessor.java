package io.quarkiverse.pipelinedeployment.deployment;

import static io.quarkus.deployment.annotations.ExecutionTime.RUNTIME_INIT;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

import io.quarkiverse.pipelinedeployment.runtime.PipelineRecorder;
import io.quarkus.arc.deployment.SyntheticBeansRuntimeInitBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveMethodBuildItem;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.vertx.http.deployment.FilterBuildItem;

/**
 * The middleware as Quarkus HTTP filters: the built-in ones outermost (secure headers, then CORS), each pruned at
 * build time by {@code quarkus.pipeline.middleware}; then the custom middleware, lower order first.
 */
class PipelineMiddlewareProcessor {

    private static final DotName ROUTING_CONTEXT = DotName.createSimple("io.vertx.ext.web.RoutingContext");
    private static final DotName HANDLER = DotName.createSimple("io.vertx.core.Handler");
    private static final DotName MAP = DotName.createSimple(Map.class);

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

    @BuildStep
    @Record(RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    void customMiddleware(
            PipelineRecorder recorder,
            PipelineBuildTimeConfig config,
            CombinedIndexBuildItem index,
            BuildProducer<FilterBuildItem> filters,
            BuildProducer<ReflectiveClassBuildItem> reflection,
            BuildProducer<ReflectiveMethodBuildItem> reflectiveMethods) {
        List<Map.Entry<String, PipelineBuildTimeConfig.MiddlewareConfig>> entries = new ArrayList<>(
                config.customMiddlewares().entrySet());
        entries.sort(Comparator.<Map.Entry<String, PipelineBuildTimeConfig.MiddlewareConfig>> comparingInt(
                e -> e.getValue().order()).thenComparing(Map.Entry::getKey));
        int priority = RouteOrder.CUSTOM_MIDDLEWARE_FILTER;
        for (Map.Entry<String, PipelineBuildTimeConfig.MiddlewareConfig> e : entries) {
            String key = "quarkus.pipeline.custom-middlewares.\"" + e.getKey() + "\".class";
            String reference = e.getValue().className().trim();
            validate(key, reference, index.getComputingIndex(), reflection, reflectiveMethods);
            filters.produce(new FilterBuildItem(recorder.middleware(reference, Map.copyOf(e.getValue().initArgs()),
                    e.getValue().nativeHandler()), priority--));
        }
    }

    private static void validate(String key, String reference, IndexView index,
            BuildProducer<ReflectiveClassBuildItem> reflection, BuildProducer<ReflectiveMethodBuildItem> methods) {
        if (reference.contains("#")) {
            MethodInfo method = PipelineHooksProcessor.method(key, reference, index);
            if (!java.lang.reflect.Modifier.isStatic(method.flags()) || method.parametersCount() != 2
                    || !method.parameterType(0).name().equals(ROUTING_CONTEXT)
                    || !method.parameterType(1).name().equals(MAP)) {
                throw new ConfigurationException(key + "=" + reference
                        + ": a middleware method must be static and take (RoutingContext, Map<String, String>)",
                        Set.of(key));
            }
            methods.produce(new ReflectiveMethodBuildItem(PipelineMiddlewareProcessor.class.getSimpleName(), method));
            return;
        }
        ClassInfo clazz = index.getClassByName(DotName.createSimple(reference));
        if (clazz == null) {
            throw new ConfigurationException(key + "=" + reference + ": no such class in the application", Set.of(key));
        }
        if (!PipelineExtensionsProcessor.implementsInterface(clazz, HANDLER, index)) {
            throw new ConfigurationException(key + "=" + reference
                    + " is neither a Handler<RoutingContext> nor a Class#method reference", Set.of(key));
        }
        reflection.produce(ReflectiveClassBuildItem.builder(reference).constructors()
                .reason(PipelineMiddlewareProcessor.class.getName()).build());
    }
}
