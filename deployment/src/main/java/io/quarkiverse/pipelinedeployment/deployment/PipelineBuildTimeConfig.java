package io.quarkiverse.pipelinedeployment.deployment;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.quarkiverse.pipelinedeployment.EndpointMethod;
import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Settings of the pipeline deployment fixed at build time: which pipeline is deployed, which endpoints exist, and at
 * which paths.
 */
@ConfigMapping(prefix = "quarkus.pipeline")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface PipelineBuildTimeConfig {

    /**
     * The name of the pipeline to deploy (its {@code @Pipeline(name)}, or the method name). Needed only when the
     * application declares several {@code @Pipeline} methods.
     */
    Optional<String> name();

    /**
     * A prefix for every route of the deployment, relative to {@code quarkus.http.root-path}, for example
     * {@code /pipeline}. No route of the deployment answers outside it. Empty by default.
     */
    Optional<String> rootPath();

    /**
     * A prefix for the built-in REST endpoints (invoke, health, info, metrics), after
     * {@code quarkus.pipeline.root-path}, for example {@code /api}. Empty by default.
     */
    Optional<String> apiPath();

    /**
     * The path of the Swagger UI page, after {@code quarkus.pipeline.root-path}.
     */
    @WithDefault("/docs")
    String docsPath();

    /**
     * The path of the ReDoc page, after {@code quarkus.pipeline.root-path}.
     */
    @WithDefault("/redoc")
    String redocPath();

    /**
     * The path of the invoke endpoint, after {@code quarkus.pipeline.root-path} and {@code quarkus.pipeline.api-path}.
     */
    @WithDefault("/invoke")
    String invokePath();

    /**
     * The path of the runs endpoint (asynchronous submissions, run records, results, cancels and event streams),
     * after {@code quarkus.pipeline.root-path} and {@code quarkus.pipeline.api-path}.
     */
    @WithDefault("/runs")
    String runsPath();

    /**
     * The path of the health endpoint, after {@code quarkus.pipeline.root-path} and {@code quarkus.pipeline.api-path}.
     */
    @WithDefault("/health")
    String healthPath();

    /**
     * The path of the info endpoint, after {@code quarkus.pipeline.root-path} and {@code quarkus.pipeline.api-path}.
     */
    @WithDefault("/info")
    String infoPath();

    /**
     * The path of the metrics endpoint, after {@code quarkus.pipeline.root-path} and
     * {@code quarkus.pipeline.api-path}.
     */
    @WithDefault("/metrics")
    String metricsPath();

    /**
     * The built-in endpoints to serve: any of {@code docs}, {@code redoc}, {@code invoke}, {@code runs},
     * {@code health}, {@code info}, {@code metrics}, {@code dashboard}, and the groups {@code doc} (docs and redoc),
     * {@code api} (invoke, runs, health, info and metrics) and {@code all}. An endpoint left out has no route, no handler and
     * no entry
     * in {@code /info}.
     */
    @WithDefault("all")
    Set<String> endpoints();

    /**
     * A method run once at startup, after the deployment service has initialized and before the first request is
     * served: {@code com.acme.Hooks#onStartup}, a static method or a method of a CDI bean (a class without a scope
     * becomes a {@code @Singleton}). Its parameters are bound by name from
     * {@code quarkus.pipeline.startup-hook-args."<name>"}; a parameter of type {@code AppRunner} receives the runner.
     * If it throws, the application does not start.
     */
    Optional<String> startupHook();

    /**
     * A method run once on shutdown, after in-flight invocations have drained and before the deployment service's
     * cleanup: {@code com.acme.Hooks#onShutdown}, bound like {@code quarkus.pipeline.startup-hook}, from
     * {@code quarkus.pipeline.shutdown-hook-args."<name>"}.
     */
    Optional<String> shutdownHook();

    /**
     * A class implementing {@code io.quarkiverse.pipelinedeployment.DeploymentService} (often a subclass of
     * {@code PipelineDeploymentService}) that replaces the built-in deployment service. It is built once at startup
     * with its {@code (Map<String, String>)} constructor, receiving {@code quarkus.pipeline.service-args}, or its
     * no-argument constructor. A CDI bean of type {@code DeploymentService} replaces the built-in service too.
     */
    Optional<String> serviceClass();

    /**
     * A subclass of {@code io.quarkiverse.pipelinedeployment.DeploymentAppRunner} that replaces the built-in app
     * runner: what extensions, hooks and endpoint builders receive as {@code AppRunner}; its {@code flavor()} is
     * reported as {@code app_runner_flavor} in {@code /info}, and it reads {@code quarkus.pipeline.app-runner-args}
     * through {@code args()}.
     */
    Optional<String> appRunner();

    /**
     * App extensions, installed at startup after the built-in routes. Each is a class implementing
     * {@code io.quarkiverse.pipelinedeployment.AppExtension}, installed in ascending {@code order}.
     */
    @ConfigDocMapKey("id")
    @ConfigDocSection
    Map<String, ExtensionConfig> extensions();

    interface ExtensionConfig {

        /**
         * The extension's class; it needs a public no-argument constructor.
         */
        @WithName("class")
        String className();

        /**
         * Extensions with a lower order are installed first.
         */
        @WithDefault("0")
        int order();

        /**
         * Arguments handed to {@code install(AppRunner, Map)}.
         */
        @ConfigDocMapKey("name")
        Map<String, String> args();
    }

    /**
     * Custom endpoints, served under the root path. Each is served at {@code quarkus.pipeline.root-path + path}. One
     * with the same method and path as a built-in endpoint replaces it. The same can be declared in code with
     * {@code @PipelineEndpoint}.
     */
    @ConfigDocMapKey("id")
    @ConfigDocSection
    Map<String, CustomEndpointConfig> customEndpoints();

    interface CustomEndpointConfig {

        /**
         * The path under {@code quarkus.pipeline.root-path}; {@code {name}} segments are path parameters, e.g.
         * {@code /items/{id}}. For a native {@code Consumer<Router>} or JAX-RS resource, the path it is mounted at
         * ({@code /} meaning the root path itself).
         */
        String path();

        /**
         * The HTTP method: {@code GET}, {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}.
         */
        @WithDefault("GET")
        EndpointMethod method();

        /**
         * The endpoint: a direct method {@code com.acme.Endpoints#health} (static or of a CDI bean; parameters bound
         * by name from the JSON body for POST, PUT and PATCH or the query string for GET and DELETE, path parameters
         * by name, a {@code RoutingContext} parameter receiving the request; the return value written as JSON); a
         * builder class (built once with {@code (AppRunner, Map<String, String>)}, {@code (AppRunner)} or no
         * arguments) that is a {@code Handler<RoutingContext>} or has a {@code handle(...)} method bound like a direct
         * method; or a builder method {@code com.acme.Endpoints#build} whose first parameter is an {@code AppRunner},
         * followed by the init-args map or by parameters the init-args bind to by name (converted to their types),
         * called once, returning one of those. With {@code native=true}, a class used as it is (see {@code native}).
         */
        String handler();

        /**
         * Arguments handed to a builder class's {@code (AppRunner, Map<String, String>)} constructor, or to a builder
         * method: as its {@code Map<String, String>} parameter, or bound by name to its parameters. An argument that
         * the handler has no parameter for fails the build.
         */
        @ConfigDocMapKey("name")
        Map<String, String> initArgs();

        /**
         * Whether the endpoint requires an API key when {@code quarkus.pipeline.auth.api-keys} is set.
         */
        @WithDefault("true")
        boolean authRequired();

        /**
         * Whether the handler is a native class, used as it is (no-argument constructor, no {@code init-args}): a Vert.x
         * {@code Handler<RoutingContext>} serving {@code method} and {@code path}; a
         * {@code java.util.function.Consumer<Router>} that installs its own routes on a router mounted at
         * {@code path}; or a JAX-RS resource class (without a class-level {@code @Path}; needs {@code quarkus-rest}
         * and {@code quarkus.rest.path=/}) whose methods are served by Quarkus REST under {@code path}. With
         * {@code auth-required}, the API keys guard every route it serves.
         */
        @WithName("native")
        @WithDefault("false")
        boolean nativeHandler();
    }

    /**
     * Custom middleware, run for every request of the application inside the built-in CORS and secure-headers
     * middleware, lower {@code order} first (outermost).
     */
    @ConfigDocMapKey("id")
    @ConfigDocSection
    Map<String, MiddlewareConfig> customMiddlewares();

    interface MiddlewareConfig {

        /**
         * A class implementing Vert.x {@code Handler<RoutingContext>} (built with its {@code (Map<String, String>)}
         * constructor when it has one, receiving {@code init-args}, else its no-argument constructor), or a static
         * method {@code com.acme.Timing#measure} taking {@code (RoutingContext, Map<String, String>)}. Either calls
         * {@code ctx.next()} to continue the chain.
         */
        @WithName("class")
        String className();

        /**
         * Lower orders run earlier (outermost).
         */
        @WithDefault("0")
        int order();

        /**
         * Arguments handed to the middleware.
         */
        @ConfigDocMapKey("name")
        Map<String, String> initArgs();

        /**
         * Whether the class is native, used as it is (built with its no-argument constructor, without
         * {@code init-args}): a Vert.x handler, or a Quarkus REST filter ({@code ContainerRequestFilter},
         * {@code ContainerResponseFilter}, or {@code @ServerRequestFilter} / {@code @ServerResponseFilter} methods;
         * needs {@code quarkus-rest}). A REST filter runs for REST resources only, with the priority
         * {@code Priorities.USER + order} unless it is a {@code @Provider} or annotated method, which Quarkus REST
         * registers with their own priorities.
         */
        @WithName("native")
        @WithDefault("false")
        boolean nativeHandler();
    }

    /**
     * The built-in middleware to install: {@code cors}, {@code secure-headers}, {@code all} or {@code none}. A
     * middleware left out has no filter at all; the ones installed apply to every response of the application.
     */
    @WithDefault("all")
    Set<String> middleware();

    /**
     * A folder of the project (relative to the project root, or absolute) whose files replace the bundled dashboard:
     * each file is served at its relative path under {@code quarkus.pipeline.root-path}
     * ({@code web/assets/app.js} at {@code <root>/assets/app.js}), and its {@code index.html} at {@code <root>/}.
     * It must contain an {@code index.html}. A {@code GET} for an unknown path that asks for {@code text/html} gets
     * that {@code index.html} (the single-page-application fallback), except under the api path when
     * {@code quarkus.pipeline.api-path} is set. The files are copied into the application at build time; links that
     * lead outside the folder are not followed. Unset, the bundled dashboard is served.
     */
    Optional<String> dashboardFilesPath();

    /**
     * Authentication of the deployment's endpoints.
     */
    Auth auth();

    interface Auth {

        /**
         * The built-in endpoints that require an API key when {@code quarkus.pipeline.auth.api-keys} is set: any of
         * the names and groups of {@code quarkus.pipeline.endpoints}. A protected docs or redoc page also protects
         * {@code <root>/openapi.json} when every served page that reads it is protected.
         */
        @WithDefault("invoke,runs")
        Set<String> protectedEndpoints();
    }

    /**
     * Run records and events.
     */
    Runs runs();

    /** Where run records, events and idempotency keys are kept. */
    enum RunStoreKind {
        /** In this process's memory: one replica, lost on restart. */
        MEMORY,
        /** In Redis, through {@code quarkus-redis-client}: shared by every replica of the deployment. */
        REDIS
    }

    interface Runs {

        /**
         * Where run records, their events and idempotency keys are kept: {@code memory}, in this process (one
         * replica; the records are lost on restart), or {@code redis}, in Redis, shared by every replica: any replica
         * answers lookups, results, lists and event streams, and asynchronous runs go into one shared queue. With
         * {@code redis}, the application needs the {@code io.quarkiverse.pipelinedeployment:quarkus-pipeline-deployment-redis}
         * extension (it brings {@code quarkus-redis-client}), and a Redis connection ({@code quarkus.redis.hosts}, or the
         * named client of {@code runs.redis-client}).
         */
        @WithDefault("memory")
        RunStoreKind store();

        /**
         * The name of the Redis client the {@code redis} store uses, as configured with
         * {@code quarkus.redis."<name>".hosts}; unset for the default client ({@code quarkus.redis.hosts}).
         */
        Optional<String> redisClient();
    }
}
