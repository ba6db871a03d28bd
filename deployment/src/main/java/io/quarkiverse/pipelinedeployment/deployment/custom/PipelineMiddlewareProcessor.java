package io.quarkiverse.pipelinedeployment.deployment.custom;

import static io.quarkus.deployment.annotations.ExecutionTime.RUNTIME_INIT;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

import io.quarkiverse.pipelinedeployment.deployment.ClassReference;
import io.quarkiverse.pipelinedeployment.deployment.JandexReferences;
import io.quarkiverse.pipelinedeployment.deployment.PipelineBuildTimeConfig;
import io.quarkiverse.pipelinedeployment.deployment.http.RouteOrder;
import io.quarkiverse.pipelinedeployment.runtime.CustomizationRecorder;
import io.quarkiverse.pipelinedeployment.runtime.EndpointsRecorder;
import io.quarkiverse.pipelinedeployment.runtime.custom.CodeReference;
import io.quarkus.arc.deployment.SyntheticBeansRuntimeInitBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveMethodBuildItem;
import io.quarkus.resteasy.reactive.spi.ContainerRequestFilterBuildItem;
import io.quarkus.resteasy.reactive.spi.ContainerResponseFilterBuildItem;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.vertx.http.deployment.FilterBuildItem;
import io.quarkus.vertx.http.deployment.NonApplicationRootPathBuildItem;
import io.quarkus.vertx.http.runtime.VertxHttpBuildTimeConfig;

/**
 * The middleware as Quarkus HTTP filters: the built-in ones outermost (secure headers, then CORS), each pruned at
 * build time by {@code quarkus.pipeline.middleware}; then the custom middleware, lower order first.
 */
class PipelineMiddlewareProcessor {

    private static final DotName ROUTING_CONTEXT = DotName.createSimple("io.vertx.ext.web.RoutingContext");
    private static final DotName HANDLER = DotName.createSimple("io.vertx.core.Handler");
    private static final DotName MAP = DotName.createSimple(Map.class);
    private static final DotName CONTAINER_REQUEST_FILTER = DotName
            .createSimple("jakarta.ws.rs.container.ContainerRequestFilter");
    private static final DotName CONTAINER_RESPONSE_FILTER = DotName
            .createSimple("jakarta.ws.rs.container.ContainerResponseFilter");
    private static final DotName SERVER_REQUEST_FILTER = DotName
            .createSimple("org.jboss.resteasy.reactive.server.ServerRequestFilter");
    private static final DotName SERVER_RESPONSE_FILTER = DotName
            .createSimple("org.jboss.resteasy.reactive.server.ServerResponseFilter");
    private static final DotName PROVIDER = DotName.createSimple("jakarta.ws.rs.ext.Provider");
    /** Quarkus' default {@code quarkus.http.compress-media-types}. */
    private static final List<String> DEFAULT_COMPRESSED_MEDIA_TYPES = List.of("text/html", "text/plain", "text/xml",
            "text/css", "text/javascript", "application/javascript", "application/json", "application/graphql+json",
            "application/xhtml+xml");
    /** {@code jakarta.ws.rs.Priorities.USER}. */
    private static final int USER_PRIORITY = 5000;

    @BuildStep(onlyIf = SecureHeadersEnabled.class)
    @Record(RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    FilterBuildItem secureHeaders(
            EndpointsRecorder recorder,
            LaunchModeBuildItem launchMode,
            NonApplicationRootPathBuildItem nonApplicationRootPath) {
        // The Dev UI runs blob: scripts and data: fonts that the default policy forbids: leave its pages alone
        String devUi = launchMode.getLaunchMode() == LaunchMode.DEVELOPMENT
                ? nonApplicationRootPath.resolvePath("dev-ui")
                : null;
        return new FilterBuildItem(recorder.secureHeadersHandler(devUi), RouteOrder.SECURE_HEADERS_FILTER);
    }

    @BuildStep(onlyIf = CorsEnabled.class)
    @Record(RUNTIME_INIT)
    FilterBuildItem cors(EndpointsRecorder recorder) {
        return new FilterBuildItem(recorder.corsHandler(), RouteOrder.CORS_FILTER);
    }

    /**
     * With {@code quarkus.http.enable-compression}, Quarkus marks every response {@code Content-Encoding: identity}
     * unless its route opts in; this filter opts the deployment's responses in for the media types of
     * {@code quarkus.http.compress-media-types}, as Quarkus does for its own routes.
     */
    @BuildStep
    @Record(RUNTIME_INIT)
    void compression(EndpointsRecorder recorder, VertxHttpBuildTimeConfig http, BuildProducer<FilterBuildItem> filters) {
        if (http.enableCompression()) {
            filters.produce(new FilterBuildItem(recorder.compressionHandler(
                    Set.copyOf(http.compressMediaTypes().orElse(DEFAULT_COMPRESSED_MEDIA_TYPES))),
                    RouteOrder.COMPRESSION_FILTER));
        }
    }

    @BuildStep
    @Record(RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    void customMiddleware(
            CustomizationRecorder recorder,
            PipelineBuildTimeConfig config,
            CombinedIndexBuildItem combinedIndex,
            Capabilities capabilities,
            BuildProducer<FilterBuildItem> filters,
            BuildProducer<ReflectiveClassBuildItem> reflection,
            BuildProducer<ReflectiveMethodBuildItem> reflectiveMethods) {
        IndexView index = combinedIndex.getComputingIndex();
        int priority = RouteOrder.CUSTOM_MIDDLEWARE_FILTER;
        for (Map.Entry<String, PipelineBuildTimeConfig.MiddlewareConfig> e : OrderedConfig.middlewares(config)) {
            String key = key(e.getKey());
            PipelineBuildTimeConfig.MiddlewareConfig m = e.getValue();
            String reference = m.className().trim();
            if (restFilterClass(m, index) != null) {
                if (!capabilities.isPresent(Capability.REST)) {
                    throw new ConfigurationException(key + "=" + reference + " is a Quarkus REST filter: add the "
                            + "quarkus-rest extension to run it", Set.of(key));
                }
                continue; // registered with Quarkus REST by restFilters
            }
            validate(key, reference, index, reflection, reflectiveMethods);
            filters.produce(new FilterBuildItem(recorder.middleware(CodeReference.parse(reference), Map.copyOf(m.initArgs()),
                    m.nativeHandler()), priority--));
        }
    }

    /**
     * Native Quarkus REST filters: they run for REST resources only (native JAX-RS endpoints and the application's
     * own), ordered by {@code order} among the REST filters ({@code Priorities.USER + order}). A {@code @Provider}
     * class and {@code @ServerRequestFilter} / {@code @ServerResponseFilter} methods are registered by Quarkus REST
     * itself, with their own priorities.
     */
    @BuildStep
    void restFilters(
            PipelineBuildTimeConfig config,
            CombinedIndexBuildItem combinedIndex,
            BuildProducer<ContainerRequestFilterBuildItem> requestFilters,
            BuildProducer<ContainerResponseFilterBuildItem> responseFilters) {
        IndexView index = combinedIndex.getComputingIndex();
        for (Map.Entry<String, PipelineBuildTimeConfig.MiddlewareConfig> e : OrderedConfig.middlewares(config)) {
            ClassInfo clazz = restFilterClass(e.getValue(), index);
            if (clazz == null) {
                continue;
            }
            if (clazz.hasDeclaredAnnotation(PROVIDER)) {
                continue;
            }
            int priority = USER_PRIORITY + e.getValue().order();
            if (JandexReferences.implementsInterface(clazz, CONTAINER_REQUEST_FILTER, index)) {
                requestFilters.produce(new ContainerRequestFilterBuildItem.Builder(clazz.name().toString())
                        .setPriority(priority).build());
            }
            if (JandexReferences.implementsInterface(clazz, CONTAINER_RESPONSE_FILTER, index)) {
                responseFilters.produce(new ContainerResponseFilterBuildItem.Builder(clazz.name().toString())
                        .setPriority(priority).build());
            }
        }
    }

    private static String key(String id) {
        return "quarkus.pipeline.custom-middlewares.\"" + id + "\".class";
    }

    /** The class of a native middleware that is a Quarkus REST filter, else {@code null}. */
    private static ClassInfo restFilterClass(PipelineBuildTimeConfig.MiddlewareConfig m, IndexView index) {
        String reference = m.className().trim();
        if (!m.nativeHandler() || ClassReference.isMethod(reference)) {
            return null;
        }
        ClassInfo clazz = index.getClassByName(DotName.createSimple(reference));
        return clazz != null && isRestFilter(clazz, index) ? clazz : null;
    }

    private static boolean isRestFilter(ClassInfo clazz, IndexView index) {
        return JandexReferences.implementsInterface(clazz, CONTAINER_REQUEST_FILTER, index)
                || JandexReferences.implementsInterface(clazz, CONTAINER_RESPONSE_FILTER, index)
                || clazz.hasAnnotation(SERVER_REQUEST_FILTER)
                || clazz.hasAnnotation(SERVER_RESPONSE_FILTER);
    }

    private static void validate(String key, String reference, IndexView index,
            BuildProducer<ReflectiveClassBuildItem> reflection, BuildProducer<ReflectiveMethodBuildItem> methods) {
        if (ClassReference.isMethod(reference)) {
            MethodInfo method = JandexReferences.method(key, reference, index);
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
        ClassInfo clazz = JandexReferences.clazz(key, reference, index);
        if (!JandexReferences.implementsInterface(clazz, HANDLER, index)) {
            throw new ConfigurationException(key + "=" + reference
                    + " is neither a Handler<RoutingContext> nor a Class#method reference", Set.of(key));
        }
        reflection.produce(ReflectiveClassBuildItem.builder(reference).constructors()
                .reason(PipelineMiddlewareProcessor.class.getName()).build());
    }
}
