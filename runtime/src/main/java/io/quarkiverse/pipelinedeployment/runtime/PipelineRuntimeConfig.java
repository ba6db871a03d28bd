package io.quarkiverse.pipelinedeployment.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of the pipeline deployment that can change at run time (environment variables, system properties,
 * profiles).
 */
@ConfigMapping(prefix = "quarkus.pipeline")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface PipelineRuntimeConfig {

    /**
     * The application title shown in {@code /info}, the OpenAPI document and the dashboard. Defaults to
     * {@code <pipeline> deployment}.
     */
    Optional<String> appTitle();

    /**
     * The application description shown in {@code /info}, the OpenAPI document and the dashboard. Defaults to a
     * sentence naming the pipeline.
     */
    Optional<String> appDescription();

    /**
     * The application version shown in {@code /info} and the OpenAPI document. Defaults to
     * {@code quarkus.application.version}.
     */
    Optional<String> appVersion();

    /**
     * The deployment's name, reported as {@code deployment.name} in {@code /info} and
     * {@code metadata.deployment_name} of every invocation. Defaults to {@code quarkus.application.name}.
     */
    Optional<String> deploymentName();

    /**
     * The number of threads that run blocking pipeline invocations (the default execution model). Pipelines
     * annotated {@code @NonBlocking}, returning {@code Uni} or {@code CompletionStage}, or annotated
     * {@code @RunOnVirtualThread} do not use this pool. At least 1.
     */
    @WithDefault("40")
    int threadPoolSize();

    /**
     * The number of invocations that may wait for a free invocation thread. Beyond it, the invoke endpoint answers
     * {@code 503} with a {@code Retry-After} header that estimates, from the queue and the recent throughput, when a
     * place will be free. {@code 0} means no invocation waits.
     */
    @WithDefault("1000")
    int maxQueuedInvocations();

    /**
     * The longest an invocation may take, counted from the request's arrival (queue wait included). The request's
     * own {@code timeout} can only shorten it. An invocation that runs out of time is answered with {@code 504}.
     * Must be greater than 0.
     * It bounds custom endpoint methods (not native endpoints) too: one still running then is interrupted and the
     * request answered {@code 504 {"detail": ...}}.
     */
    @WithDefault("300s")
    Duration invokeTimeout();

    /**
     * The most {@code @Step} calls a run lists in {@code metadata.steps}. Further calls are still timed in the
     * {@code pipeline_step_seconds} metric, and counted in {@code metadata.steps_omitted}. At least 1.
     */
    @WithDefault("1000")
    int maxRecordedSteps();

    /**
     * The largest request body the deployment's routes (invoke and custom endpoints) accept. A larger body is
     * answered with {@code 413 {"detail": ...}}, whether its {@code Content-Length} announces it or it is sent
     * chunked. Quarkus' own {@code quarkus.http.limits.max-body-size} defaults to this value; if it is set
     * explicitly, that setting wins, and the smaller of the two applies.
     */
    @WithDefault("256M")
    MemorySize maxRequestSize();

    /**
     * Arguments of {@code quarkus.pipeline.app-runner}, read by the runner through {@code DeploymentAppRunner.args()}.
     */
    @ConfigDocMapKey("name")
    Map<String, String> appRunnerArgs();

    /**
     * Arguments of {@code quarkus.pipeline.service-class}, handed to its {@code (Map<String, String>)} constructor.
     */
    @ConfigDocMapKey("name")
    Map<String, String> serviceArgs();

    /**
     * Arguments of {@code quarkus.pipeline.startup-hook}, bound by name to the hook method's parameters and converted
     * to their types.
     */
    @ConfigDocMapKey("parameter-name")
    Map<String, String> startupHookArgs();

    /**
     * Arguments of {@code quarkus.pipeline.shutdown-hook}, bound by name to the hook method's parameters and
     * converted to their types.
     */
    @ConfigDocMapKey("parameter-name")
    Map<String, String> shutdownHookArgs();

    /**
     * Authentication of the deployment's endpoints.
     */
    Auth auth();

    /**
     * Run records and events ({@code <root><api>/runs}).
     */
    RunsConfig runs();

    /**
     * Cross-origin resource sharing for every route of the application, when {@code quarkus.pipeline.middleware}
     * includes {@code cors}.
     */
    Cors cors();

    /**
     * Security headers set on every response of the application, when {@code quarkus.pipeline.middleware} includes
     * {@code secure-headers}. Each key takes {@code true} (the default value), {@code false} (the header is left
     * out), or any other string, sent as it is. {@code disabled}, {@code no}, {@code none} and {@code off} mean
     * {@code false}; {@code enabled}, {@code yes} and {@code on} mean {@code true}.
     */
    SecureHeaders secureHeaders();

    interface Cors {

        /**
         * The origins allowed to call the application, or {@code *} for any.
         */
        @WithDefault("*")
        List<String> allowOrigins();

        /**
         * The methods allowed in cross-origin requests.
         */
        @WithDefault("GET,POST,OPTIONS")
        List<String> allowMethods();

        /**
         * The request headers allowed in cross-origin requests, or {@code *} for any.
         */
        @WithDefault("*")
        List<String> allowHeaders();

        /**
         * Whether cross-origin requests may carry credentials. {@code true} with
         * {@code quarkus.pipeline.cors.allow-origins=*} is refused at startup.
         */
        @WithDefault("false")
        boolean allowCredentials();

        /**
         * The response headers a cross-origin caller may read. None by default.
         */
        Optional<List<String>> exposeHeaders();

        /**
         * How long browsers may cache a preflight answer.
         */
        @WithDefault("600s")
        Duration maxAge();
    }

    interface SecureHeaders {

        /**
         * {@code Server}; {@code true} sends the deployment id.
         */
        @WithDefault("true")
        String server();

        /**
         * {@code Strict-Transport-Security}; {@code true} sends {@code max-age=63072000; includeSubdomains}.
         */
        @WithDefault("true")
        String hsts();

        /**
         * {@code X-Frame-Options}; {@code true} sends {@code SAMEORIGIN}.
         */
        @WithDefault("true")
        String xfo();

        /**
         * {@code X-Content-Type-Options}; {@code true} sends {@code nosniff}.
         */
        @WithDefault("true")
        String content();

        /**
         * {@code Content-Security-Policy}; {@code true} sends {@code default-src 'none'; script-src 'self'
         * 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; base-uri
         * 'self'; form-action 'self'; font-src 'self'; frame-src 'self'}, under which the docs pages and the
         * dashboard work.
         */
        @WithDefault("true")
        String csp();

        /**
         * {@code Referrer-Policy}; {@code true} sends {@code no-referrer-when-downgrade}.
         */
        @WithDefault("true")
        String referrer();

        /**
         * {@code Cache-Control}; {@code true} sends {@code no-store, no-cache, must-revalidate}.
         */
        @WithDefault("true")
        String cache();

        /**
         * {@code Permissions-Policy}; {@code true} sends a policy that turns off accelerometer, autoplay, camera,
         * encrypted-media, geolocation, gyroscope, magnetometer, microphone, midi, payment, sync-xhr and usb.
         */
        @WithDefault("true")
        String permissions();
    }

    interface Auth {

        /**
         * The API keys accepted as {@code Authorization: Bearer <key>} on the endpoints named in
         * {@code quarkus.pipeline.auth.protected-endpoints}. Several keys may be valid at once, to rotate them
         * without downtime. Unset, authentication is off. Keys are compared in constant time and never logged;
         * prefer an environment variable ({@code QUARKUS_PIPELINE_AUTH_API_KEYS}) to a file.
         */
        Optional<List<String>> apiKeys();
    }
}
