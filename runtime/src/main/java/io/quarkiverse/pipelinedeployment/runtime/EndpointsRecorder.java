package io.quarkiverse.pipelinedeployment.runtime;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.quarkiverse.pipelinedeployment.DeploymentService;
import io.quarkiverse.pipelinedeployment.runtime.docs.OpenApiDocumentHandler;
import io.quarkiverse.pipelinedeployment.runtime.engine.PipelineRuntime;
import io.quarkiverse.pipelinedeployment.runtime.http.HealthHandler;
import io.quarkiverse.pipelinedeployment.runtime.http.HttpHandlers;
import io.quarkiverse.pipelinedeployment.runtime.http.Pages;
import io.quarkiverse.pipelinedeployment.runtime.http.RequestBodies;
import io.quarkiverse.pipelinedeployment.runtime.security.ApiKeyAuthHandler;
import io.quarkiverse.pipelinedeployment.runtime.security.ApiKeys;
import io.quarkiverse.pipelinedeployment.runtime.security.SecurityHandlers;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import io.smallrye.health.SmallRyeHealthReporter;
import io.vertx.core.Handler;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;

/**
 * Builds the handlers of the deployment's routes at startup: the built-in endpoints, the pages, the filters and the
 * API-key guards.
 */
@Recorder
public class EndpointsRecorder {

    private final RuntimeValue<PipelineRuntimeConfig> config;

    public EndpointsRecorder(RuntimeValue<PipelineRuntimeConfig> config) {
        this.config = config;
    }

    /** A route's methods (all when empty), order (the Vert.x default when {@code null}) and JSON failure handler. */
    public Consumer<Route> route(List<String> methods, Integer order) {
        return HttpHandlers.route(methods, order, bodyLimit());
    }

    /** A protected built-in endpoint: behind the API keys when {@code quarkus.pipeline.auth.api-keys} is set. */
    public Handler<RoutingContext> protect(Handler<RoutingContext> handler) {
        ApiKeys keys = apiKeys();
        return keys.enabled() ? new ApiKeyAuthHandler(handler, keys) : handler;
    }

    /**
     * Lets a request with a configured API key through to the next route, answers 401 otherwise (every request
     * passes when no key is set): guards routes the deployment does not own.
     */
    public Handler<RoutingContext> authGuard() {
        return protect(RoutingContext::next);
    }

    /** Asks for the API keys on {@code OPTIONS} requests under the given mount paths, when keys are set. */
    public Handler<RoutingContext> optionsGuard(List<String> mountPaths) {
        ApiKeys keys = apiKeys();
        return keys.enabled() ? SecurityHandlers.optionsGuard(mountPaths, new ApiKeyAuthHandler(RoutingContext::next, keys))
                : RoutingContext::next;
    }

    /** @param unsecuredPrefix a path prefix left without the headers (the Dev UI in dev mode), or {@code null} */
    public Handler<RoutingContext> secureHeadersHandler(String unsecuredPrefix) {
        return SecurityHandlers.secureHeaders(config.getValue().secureHeaders(), runtime().deploymentId(), unsecuredPrefix);
    }

    /** Lets Quarkus compress a response whose type is one of {@code quarkus.http.compress-media-types}. */
    public Handler<RoutingContext> compressionHandler(Set<String> mediaTypes) {
        return HttpHandlers.compression(mediaTypes);
    }

    public Handler<RoutingContext> corsHandler() {
        return SecurityHandlers.cors(config.getValue().cors());
    }

    /** Answers 413 for a {@code Content-Length} over the body limit, ahead of Quarkus' own check. */
    public Handler<RoutingContext> bodyLimitGuard() {
        return RequestBodies.contentLengthGuard(bodyLimit());
    }

    public Handler<RoutingContext> infoHandler() {
        return HttpHandlers.info(service(), runtime().mapper().writer());
    }

    public Handler<RoutingContext> healthHandler(HealthHandler.Kind kind) {
        return new HealthHandler(kind, Arc.container().instance(SmallRyeHealthReporter.class).get());
    }

    public Handler<RoutingContext> metricsHandler() {
        return HttpHandlers.metrics(Arc.container().instance(PrometheusMeterRegistry.class).get(), service(),
                runtime().mapper().writer());
    }

    public Handler<RoutingContext> openApiHandler() {
        return new OpenApiDocumentHandler(runtime().info().app(), runtime().mapper());
    }

    /** @param assets relative name to classpath resource */
    public Handler<RoutingContext> pageHandler(String mountPath, String template, String openApiPath,
            Map<String, String> assets) {
        return Pages.docs(runtime().info().app().title(), mountPath, template, openApiPath, assets);
    }

    public Handler<RoutingContext> methodNotAllowedHandler(String allow) {
        return HttpHandlers.methodNotAllowed(allow);
    }

    /**
     * @param spa the dashboard handler, for the SPA fallback, or {@code null}
     * @param apiPrefix the absolute api prefix that never falls back to the SPA, or {@code null}
     */
    public Handler<RoutingContext> notFoundHandler(Handler<RoutingContext> spa, String apiPrefix) {
        return HttpHandlers.notFound(spa, apiPrefix);
    }

    /**
     * @param files relative name to classpath resource
     * @param guarded whether each of the user's files needs the API keys
     */
    public Handler<RoutingContext> dashboardHandler(String mountPath, String openApiPath, Map<String, String> files,
            boolean bundled, boolean guarded) {
        PipelineRuntime runtime = runtime();
        return Pages.dashboard(runtime.info().app().title(), runtime.endpoints(), runtime.mapper(), mountPath,
                openApiPath, files, bundled, guarded ? apiKeys() : null);
    }

    private RequestBodies.Limit bodyLimit() {
        return RequestBodies.limit(config.getValue().maxRequestSize());
    }

    private static ApiKeys apiKeys() {
        return Arc.container().instance(ApiKeys.class).get();
    }

    private static DeploymentService service() {
        return Arc.container().instance(DeploymentService.class).get();
    }

    private static PipelineRuntime runtime() {
        return Arc.container().instance(PipelineRuntime.class).get();
    }
}
