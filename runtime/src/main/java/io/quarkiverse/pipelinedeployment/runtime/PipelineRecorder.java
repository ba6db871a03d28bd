package io.quarkiverse.pipelinedeployment.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.invoke.Invoker;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.quarkiverse.pipelinedeployment.AppExtension;
import io.quarkiverse.pipelinedeployment.AppRunner;
import io.quarkiverse.pipelinedeployment.DeploymentService;
import io.quarkiverse.pipelinedeployment.PipelineDeploymentService;
import io.quarkiverse.pipelinedeployment.runtime.custom.CustomEndpoints;
import io.quarkiverse.pipelinedeployment.runtime.custom.EndpointForm;
import io.quarkiverse.pipelinedeployment.runtime.custom.Hook;
import io.quarkiverse.pipelinedeployment.runtime.docs.OpenApiDocumentHandler;
import io.quarkiverse.pipelinedeployment.runtime.engine.BuildMetadata;
import io.quarkiverse.pipelinedeployment.runtime.engine.Deployment;
import io.quarkiverse.pipelinedeployment.runtime.engine.EngineConfig;
import io.quarkiverse.pipelinedeployment.runtime.engine.InvocationPool;
import io.quarkiverse.pipelinedeployment.runtime.engine.PipelineDefinition;
import io.quarkiverse.pipelinedeployment.runtime.engine.PipelineRuntime;
import io.quarkiverse.pipelinedeployment.runtime.engine.RecentInvocations;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunListener;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunStatistics;
import io.quarkiverse.pipelinedeployment.runtime.http.HealthHandler;
import io.quarkiverse.pipelinedeployment.runtime.http.HttpHandlers;
import io.quarkiverse.pipelinedeployment.runtime.http.JsonResponses;
import io.quarkiverse.pipelinedeployment.runtime.http.RequestBodies;
import io.quarkiverse.pipelinedeployment.runtime.http.StaticFilesHandler;
import io.quarkiverse.pipelinedeployment.runtime.http.Templates;
import io.quarkiverse.pipelinedeployment.runtime.observability.PipelineMetrics;
import io.quarkiverse.pipelinedeployment.runtime.security.ApiKeyAuthHandler;
import io.quarkiverse.pipelinedeployment.runtime.security.ApiKeys;
import io.quarkiverse.pipelinedeployment.runtime.security.SecurityHandlers;
import io.quarkus.arc.Arc;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.shutdown.ShutdownListener;
import io.smallrye.health.SmallRyeHealthReporter;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Wires the deployment at startup: the pipeline runtime and the default service as beans, the route handlers, and the
 * service's lifecycle.
 */
@Recorder
public class PipelineRecorder {

    static final String STARTUP_HOOK = "quarkus.pipeline.startup-hook";
    static final String SHUTDOWN_HOOK = "quarkus.pipeline.shutdown-hook";

    /** Where the bundled dashboard's files are on the classpath. */
    public static final String DASHBOARD = "io/quarkiverse/pipelinedeployment/dashboard/";

    private final RuntimeValue<PipelineRuntimeConfig> config;

    public PipelineRecorder(RuntimeValue<PipelineRuntimeConfig> config) {
        this.config = config;
    }

    /**
     * @param recentInvocations how many invocations to keep for the Dev UI (dev mode), or 0
     */
    public Function<SyntheticCreationalContext<PipelineRuntime>, PipelineRuntime> pipelineRuntime(
            PipelineDefinition definition, RuntimeValue<Invoker<Object, Object>> invoker, BuildMetadata build,
            int recentInvocations) {
        PipelineRuntimeConfig runtimeConfig = config.getValue();
        EngineConfig.validate(runtimeConfig);
        return ctx -> {
            ObjectMapper mapper = ctx.getInjectedReference(ObjectMapper.class);
            InvocationPool pool = InvocationPool.forMode(definition.getExecutionMode(), runtimeConfig);
            RunStatistics statistics = new RunStatistics();
            // With the metrics endpoint excluded, Micrometer's own /q/metrics must not show the pipeline's series
            List<RunListener> metrics = build.path("metrics") == null ? List.of()
                    : List.of(new PipelineMetrics(ctx.getInjectedReference(MeterRegistry.class), definition.getName(),
                            definition.getSteps(), statistics, pool));
            return new PipelineRuntime(Deployment.describe(definition, build, runtimeConfig, mapper),
                    invoker.getValue(), runtimeConfig, mapper, ctx.getInjectedReference(Vertx.class), pool, statistics,
                    recentInvocations > 0 ? new RecentInvocations(recentInvocations) : null, metrics);
        };
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
        return () -> {
            Map<String, String> args = config.getValue().serviceArgs();
            return (DeploymentService) instantiate(serviceClass, args, "quarkus.pipeline.service-class");
        };
    }

    /**
     * A custom middleware: a {@code Handler<RoutingContext>} class (built with its {@code (Map<String, String>)}
     * constructor when it has one and is not native), or a static {@code Class#method}.
     */
    @SuppressWarnings("unchecked")
    public Handler<RoutingContext> middleware(String reference, Map<String, String> initArgs, boolean nativeForm) {
        if (reference.contains("#")) {
            return CustomEndpoints.middleware(reference, initArgs);
        }
        return (Handler<RoutingContext>) instantiate(reference, nativeForm ? null : initArgs,
                "quarkus.pipeline.custom-middlewares");
    }

    /**
     * The handler of a custom endpoint, built once at startup from its form.
     *
     * @param source the property or annotation that declared it, for messages
     * @param pathParameters the names of the path's parameters
     */
    public Handler<RoutingContext> customEndpointHandler(String source, String reference, EndpointForm form,
            boolean bodyMethod, List<String> pathParameters, Map<String, String> initArgs) {
        return CustomEndpoints.handler(source, reference, form, bodyMethod, pathParameters, initArgs, mapper(),
                bodyLimit(), config.getValue().invokeTimeout());
    }

    /**
     * Mounts a native {@code Consumer<Router>} custom endpoint at {@code mountPath}, with the given route order.
     */
    public void mountCustomRouter(RuntimeValue<Router> router, String reference, String mountPath, int order) {
        CustomEndpoints.mountRouter(reference, router.getValue(), mountPath, order);
    }

    /**
     * A handler that lets a request through to the next route when it carries a configured API key, and answers 401
     * otherwise; it lets every request through when no key is set. It guards routes the deployment does not own
     * (native custom endpoints served by Quarkus REST or a router of their own).
     */
    public Handler<RoutingContext> authGuard() {
        ApiKeys keys = apiKeys();
        Handler<RoutingContext> next = RoutingContext::next;
        return keys.enabled() ? new ApiKeyAuthHandler(next, keys) : next;
    }

    /**
     * Asks for the API keys on {@code OPTIONS} requests under the given mount paths (see {@code OptionsGuard}); lets
     * every request through when no key is set.
     */
    public Handler<RoutingContext> optionsGuard(List<String> mountPaths) {
        ApiKeys keys = apiKeys();
        return keys.enabled() ? SecurityHandlers.optionsGuard(mountPaths, new ApiKeyAuthHandler(RoutingContext::next, keys))
                : RoutingContext::next;
    }

    /**
     * Installs the app extensions, in order, once the router exists.
     *
     * @param extensions class names, sorted by their order
     * @param args each extension's arguments
     */
    public void installExtensions(RuntimeValue<Router> router, List<String> extensions,
            List<Map<String, String>> args) {
        Arc.container().instance(PipelineRuntime.class).get().routerReady(router.getValue());
        AppRunner runner = Arc.container().instance(AppRunner.class).get();
        for (int i = 0; i < extensions.size(); i++) {
            AppExtension extension = (AppExtension) instantiate(extensions.get(i), null, "quarkus.pipeline.extensions");
            extension.install(runner, Map.copyOf(args.get(i)));
        }
    }

    /**
     * Builds a configured class: with its {@code (Map<String, String>)} constructor when {@code args} is given and
     * it has one, else with its no-argument constructor. Reflection, once, at startup.
     */
    private static Object instantiate(String className, Map<String, String> args, String property) {
        try {
            Class<?> clazz = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
            if (args != null) {
                try {
                    return clazz.getConstructor(Map.class).newInstance(Map.copyOf(args));
                } catch (NoSuchMethodException e) {
                    // fall back to the no-argument constructor
                }
            }
            return clazz.getConstructor().newInstance();
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalStateException(property + ": " + className + " failed to initialize: " + e.getCause(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(property + ": cannot build " + className + ": " + e, e);
        }
    }

    /**
     * Initializes the deployment service before the first request, and on shutdown drains the invocation pool
     * before the service's cleanup.
     */
    public void initializeService(ShutdownContext shutdown, String startupHook, String shutdownHook) {
        DeploymentService service = Arc.container().instance(DeploymentService.class).get();
        PipelineRuntime runtime = Arc.container().instance(PipelineRuntime.class).get();
        AppRunner runner = Arc.container().instance(AppRunner.class).get();
        runtime.appRunnerFlavor(runner.flavor());
        PipelineRuntimeConfig runtimeConfig = config.getValue();
        // Bind the hooks' arguments before anything runs, so a bad argument stops the start cleanly
        Hook onStart = startupHook == null ? null
                : new Hook(STARTUP_HOOK, STARTUP_HOOK + "-args", startupHook, runtimeConfig.startupHookArgs(), runner);
        Hook onStop = shutdownHook == null ? null
                : new Hook(SHUTDOWN_HOOK, SHUTDOWN_HOOK + "-args", shutdownHook, runtimeConfig.shutdownHookArgs(),
                        runner);
        service.initialize();
        if (onStart != null) {
            onStart.run();
        }
        Duration drain = ConfigProvider.getConfig().getOptionalValue("quarkus.shutdown.timeout", Duration.class)
                .orElse(Duration.ofSeconds(30));
        shutdown.addShutdownTask(() -> {
            runtime.shutdown(drain);
            try {
                if (onStop != null) {
                    onStop.run();
                }
            } finally {
                service.cleanup();
            }
        });
    }

    /**
     * Turns new invocations away with 503, and readiness DOWN, once Quarkus begins to shut down (on SIGTERM), before
     * it waits for the requests in flight.
     */
    public ShutdownListener shutdownListener() {
        return new ShutdownListener() {
            @Override
            public void preShutdown(ShutdownNotification notification) {
                try {
                    Arc.container().instance(PipelineRuntime.class).get().stopAccepting();
                } finally {
                    notification.done();
                }
            }
        };
    }

    /**
     * Configures a route: its methods (all when empty), its order (the Vert.x default when {@code null}) and the
     * JSON failure handler.
     */
    public Consumer<Route> route(List<String> methods, Integer order) {
        Handler<RoutingContext> failureHandler = HttpHandlers.failure(bodyLimit());
        return route -> {
            for (String method : methods) {
                route.method(HttpMethod.valueOf(method));
            }
            if (order != null) {
                route.order(order);
            }
            route.failureHandler(failureHandler);
        };
    }

    /**
     * The handler of a protected built-in endpoint: behind the API keys when {@code quarkus.pipeline.auth.api-keys}
     * is set at run time, as it is otherwise.
     */
    public Handler<RoutingContext> protect(Handler<RoutingContext> handler) {
        ApiKeys keys = apiKeys();
        return keys.enabled() ? new ApiKeyAuthHandler(handler, keys) : handler;
    }

    private static ApiKeys apiKeys() {
        return Arc.container().instance(ApiKeys.class).get();
    }

    /**
     * @param unsecuredPrefix a path prefix left without the headers (the Dev UI in dev mode), or {@code null}
     */
    public Handler<RoutingContext> secureHeadersHandler(String unsecuredPrefix) {
        return SecurityHandlers.secureHeaders(config.getValue().secureHeaders(), runtime().deploymentId(), unsecuredPrefix);
    }

    /**
     * Lets Quarkus compress a response whose content type is one of {@code mediaTypes}
     * ({@code quarkus.http.compress-media-types}).
     */
    public Handler<RoutingContext> compressionHandler(java.util.Set<String> mediaTypes) {
        return ctx -> {
            ctx.addHeadersEndHandler(v -> io.quarkus.vertx.http.runtime.HttpCompressionHandler.compressIfNeeded(ctx,
                    mediaTypes));
            ctx.next();
        };
    }

    public Handler<RoutingContext> corsHandler() {
        return SecurityHandlers.cors(config.getValue().cors());
    }

    public Handler<RoutingContext> invokeHandler() {
        // Large bodies are parsed off the event loop, but no more of them at once than there are CPUs: each takes
        // many times its size in memory while parsed, and more threads would not parse faster
        WorkerExecutor largeBodies = runtime().vertx().createSharedWorkerExecutor("pipeline-large-bodies",
                Runtime.getRuntime().availableProcessors(), 5, java.util.concurrent.TimeUnit.MINUTES);
        return HttpHandlers.invoke(service(), runtime(), mapper(), bodyLimit(), largeBodies);
    }

    /**
     * Answers 413 with the deployment's JSON when a request's {@code Content-Length} is over the body limit, ahead of
     * Quarkus' own check; passes every other request on.
     */
    public Handler<RoutingContext> bodyLimitGuard() {
        return RequestBodies.contentLengthGuard(bodyLimit());
    }

    /** The body limit of the deployment's routes: {@code max-request-size}, or a smaller explicit Quarkus limit. */
    private RequestBodies.Limit bodyLimit() {
        return RequestBodies.limit(config.getValue().maxRequestSize());
    }

    public Handler<RoutingContext> infoHandler() {
        return HttpHandlers.info(service(), mapper().writer());
    }

    public Handler<RoutingContext> healthHandler(HealthHandler.Kind kind) {
        return new HealthHandler(kind, Arc.container().instance(SmallRyeHealthReporter.class).get());
    }

    public Handler<RoutingContext> metricsHandler() {
        return HttpHandlers.metrics(Arc.container().instance(PrometheusMeterRegistry.class).get(), service(),
                mapper().writer());
    }

    public Handler<RoutingContext> openApiHandler() {
        return new OpenApiDocumentHandler(runtime().info().app(), mapper());
    }

    /**
     * A documentation page: the template (a classpath resource) filled with the application title, the mount path
     * and the OpenAPI document's path, served with its bundled assets.
     *
     * @param assets relative name to classpath resource
     */
    public Handler<RoutingContext> pageHandler(String mountPath, String template, String openApiPath,
            Map<String, String> assets) {
        Map<String, StaticFilesHandler.Asset> files = new HashMap<>(StaticFilesHandler.load(assets));
        String html = Templates.fill(template, Map.of("title", runtime().info().app().title(), "base", mountPath,
                "openapi", openApiPath));
        files.put("index.html", new StaticFilesHandler.Asset(StaticFilesHandler.contentType("index.html"),
                JsonResponses.shared(html.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        return new StaticFilesHandler(mountPath, files);
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
     * The dashboard's files under the root path: the user's folder as it is, or the bundled UI with its
     * {@code index.html} filled with the title and the endpoints' paths.
     *
     * @param files relative name to classpath resource
     * @param bundled whether these are the bundled UI's files
     * @param guarded whether the dashboard is protected: then each of the user's files needs the API keys (the
     *        bundled UI's page loads without them, and asks for them)
     */
    public Handler<RoutingContext> dashboardHandler(String mountPath, String openApiPath, Map<String, String> files,
            boolean bundled, boolean guarded) {
        Map<String, StaticFilesHandler.Asset> assets = new HashMap<>(StaticFilesHandler.load(files));
        if (bundled) {
            PipelineRuntime runtime = runtime();
            Map<String, Object> paths = new HashMap<>();
            for (var endpoint : runtime.endpoints()) {
                paths.put(endpoint.name(), endpoint.path());
            }
            if (paths.containsKey("docs") || paths.containsKey("redoc")) {
                paths.put("openapi", openApiPath);
            }
            String config;
            try {
                config = mapper().writeValueAsString(Map.of("paths", paths, "title", runtime.info().app().title()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            String html = Templates.fill(DASHBOARD + "index.html",
                    Map.of("title", runtime.info().app().title(), "base", mountPath),
                    Map.of("config", Templates.scriptSafeJson(config)));
            assets.put("index.html", new StaticFilesHandler.Asset(StaticFilesHandler.contentType("index.html"),
                    JsonResponses.shared(html.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        }
        return new StaticFilesHandler(mountPath, assets, guarded && !bundled ? apiKeys() : null);
    }

    private static DeploymentService service() {
        return Arc.container().instance(DeploymentService.class).get();
    }

    private static PipelineRuntime runtime() {
        return Arc.container().instance(PipelineRuntime.class).get();
    }

    private static ObjectMapper mapper() {
        return Arc.container().instance(ObjectMapper.class).get();
    }
}
