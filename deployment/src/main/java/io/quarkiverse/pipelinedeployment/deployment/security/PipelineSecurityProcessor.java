package io.quarkiverse.pipelinedeployment.deployment.security;

import static io.quarkus.deployment.annotations.ExecutionTime.RUNTIME_INIT;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.MethodInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.model.HandlerChainCustomizer;
import org.jboss.resteasy.reactive.server.processor.scanning.MethodScanner;

import io.quarkiverse.pipelinedeployment.deployment.http.BuiltinEndpoint;
import io.quarkiverse.pipelinedeployment.deployment.http.PipelineEndpointsBuildItem;
import io.quarkiverse.pipelinedeployment.deployment.http.RouteOrder;
import io.quarkiverse.pipelinedeployment.runtime.EndpointsRecorder;
import io.quarkiverse.pipelinedeployment.runtime.security.ApiKeyRestGuard;
import io.quarkus.arc.deployment.SyntheticBeansRuntimeInitBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.resteasy.reactive.server.spi.MethodScannerBuildItem;
import io.quarkus.vertx.http.deployment.HttpRootPathBuildItem;
import io.quarkus.vertx.http.deployment.NonApplicationRootPathBuildItem;
import io.quarkus.vertx.http.deployment.RouteBuildItem;
import io.quarkus.vertx.http.runtime.management.ManagementInterfaceBuildTimeConfig;

/**
 * Where the API keys apply besides the deployment's own routes: the native JAX-RS endpoints with
 * {@code auth-required=true}, checked inside RESTEasy Reactive right after it matched a request to one of their
 * methods (never on a path re-derived for Vert.x), and Quarkus' own copies under {@code /q} of the protected
 * endpoints.
 */
class PipelineSecurityProcessor {

    private static final Logger LOG = Logger.getLogger(PipelineSecurityProcessor.class);

    /**
     * Adds the API-key check to the handler chain of every method of the guarded resources: resource methods,
     * inherited ones and sub-resource locators (so a sub-resource is reached only through the check).
     */
    @BuildStep
    void guardResourceMethods(
            List<GuardedResourceBuildItem> guardedResources,
            BuildProducer<MethodScannerBuildItem> scanners) {
        if (guardedResources.isEmpty()) {
            return;
        }
        Set<String> guarded = new HashSet<>();
        for (GuardedResourceBuildItem resource : guardedResources) {
            guarded.add(resource.className);
        }
        scanners.produce(new MethodScannerBuildItem(new MethodScanner() {
            @Override
            public List<HandlerChainCustomizer> scan(MethodInfo method, ClassInfo actualEndpointClass,
                    Map<String, Object> methodContext) {
                return guarded.contains(actualEndpointClass.name().toString()) ? List.of(new ApiKeyRestGuard())
                        : List.of();
            }
        }));
    }

    /**
     * RESTEasy Reactive answers {@code OPTIONS} for a resource class by itself, with its {@code Allow} header and no
     * resource method: the key is asked for before, for every {@code OPTIONS} request under a guarded resource's
     * mount path (normalized, matrix parameters and repeated slashes removed). CORS preflights are answered earlier,
     * by the CORS filters.
     */
    @BuildStep
    @Record(RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    void guardResourceOptions(
            EndpointsRecorder recorder,
            List<GuardedResourceBuildItem> guardedResources,
            HttpRootPathBuildItem httpRootPath,
            BuildProducer<RouteBuildItem> routes) {
        if (guardedResources.isEmpty()) {
            return;
        }
        List<String> mounts = new ArrayList<>();
        for (GuardedResourceBuildItem resource : guardedResources) {
            mounts.add(httpRootPath.relativePath(resource.mountPath.isEmpty() ? "/" : resource.mountPath));
        }
        routes.produce(httpRootPath.routeBuilder()
                .routeFunction(httpRootPath.relativePath("/*"),
                        recorder.route(List.of("OPTIONS"), RouteOrder.CUSTOM_ENDPOINT))
                .handler(recorder.optionsGuard(mounts))
                .build());
    }

    /**
     * Quarkus' own endpoints that show the pipeline's data under {@code /q} need the key of the endpoint they copy
     * while that endpoint is protected: SmallRye Health ({@code health}), Micrometer's Prometheus page
     * ({@code metrics}) and SmallRye OpenAPI's document ({@code docs} or {@code redoc}). Each gets a guard route on
     * the very path patterns of Quarkus' routes, ahead of them. On the management interface they are the
     * application's to secure.
     */
    @BuildStep
    @Record(RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    void guardQuarkusCopies(
            EndpointsRecorder recorder,
            PipelineEndpointsBuildItem endpoints,
            NonApplicationRootPathBuildItem nonApplicationRootPath,
            ManagementInterfaceBuildTimeConfig management,
            BuildProducer<RouteBuildItem> routes) {
        List<String> paths = new ArrayList<>();
        if (guarded(endpoints, BuiltinEndpoint.HEALTH)) {
            String health = nonApplicationRootPath.resolvePath(setting("quarkus.smallrye-health.root-path", "health"));
            paths.add(health);
            paths.add(health + "/*");
        }
        if (guarded(endpoints, BuiltinEndpoint.METRICS)) {
            String metrics = nonApplicationRootPath.resolvePath(
                    setting("quarkus.micrometer.export.prometheus.path", "metrics"));
            paths.add(metrics);
            paths.add(metrics + "/*");
        }
        if (guarded(endpoints, BuiltinEndpoint.DOCS) || guarded(endpoints, BuiltinEndpoint.REDOC)) {
            String openApi = nonApplicationRootPath.resolvePath(setting("quarkus.smallrye-openapi.path", "openapi"));
            for (String suffix : List.of("", "/*", ".json", ".yaml", ".yml")) {
                paths.add(openApi + suffix);
            }
        }
        if (paths.isEmpty()) {
            return;
        }
        if (management.enabled()) {
            LOG.debugf("The management interface is enabled: %s are the application's to secure", paths);
            return;
        }
        for (String path : paths) {
            routes.produce(nonApplicationRootPath.routeBuilder()
                    .routeFunction(path, recorder.route(List.of(), RouteOrder.CUSTOM_ENDPOINT))
                    .handler(recorder.authGuard())
                    .build());
        }
    }

    private static boolean guarded(PipelineEndpointsBuildItem endpoints, BuiltinEndpoint endpoint) {
        return endpoints.path(endpoint).isPresent() && endpoints.isProtected(endpoint);
    }

    private static String setting(String name, String defaultValue) {
        return ConfigProvider.getConfig().getOptionalValue(name, String.class).orElse(defaultValue);
    }
}
