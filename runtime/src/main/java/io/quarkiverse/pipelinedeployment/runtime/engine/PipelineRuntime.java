package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.invoke.Invoker;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.pipelinedeployment.DeploymentInfo;
import io.quarkiverse.pipelinedeployment.EndpointDescriptor;
import io.quarkiverse.pipelinedeployment.InvocationRequest;
import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.MiddlewareDescriptor;
import io.quarkiverse.pipelinedeployment.runtime.BuildMetadata;
import io.quarkiverse.pipelinedeployment.runtime.PipelineRuntimeConfig;
import io.quarkiverse.pipelinedeployment.spi.PipelineEngine;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.virtual.threads.VirtualThreadsRecorder;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * Everything the built-in service needs to run the deployed pipeline, assembled once at startup: the generated
 * invoker, the parameter binder, the invocation pool, the deployment's identity and the static part of
 * {@code /info}.
 */
public final class PipelineRuntime implements PipelineEngine {

    private static final Logger LOG = Logger.getLogger(PipelineRuntime.class);

    /** The longest {@code Retry-After} given when the queue is full, in seconds. */
    static final int MAX_RETRY_AFTER = 60;

    private final PipelineDefinition definition;
    private final Invoker<Object, Object> invoker;
    private final ParameterBinder binder;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final ThreadPoolExecutor pool;
    private final ExecutorService virtualThreads;
    private final long invokeTimeoutNanos;
    private final int maxRecordedSteps;
    /**
     * How long a run held its invocation thread, in nanoseconds: a moving average with weight 1/4 for the last run,
     * 0 before the first. Updated without a lock: a lost update only makes the estimate a little older.
     */
    private volatile long serviceNanos;
    private final String deploymentId = UUID.randomUUID().toString();
    private final String deploymentName;
    private final long startNanos = System.nanoTime();
    private volatile DeploymentInfo info;
    private volatile boolean stopping;
    private final Map<String, String> appRunnerArgs;
    private final List<EndpointDescriptor> endpoints;
    private final List<MiddlewareDescriptor> middlewares;
    private final Map<String, String> settings;
    private final RunStatistics statistics = new RunStatistics();
    private volatile RecentInvocations recentInvocations;

    public PipelineRuntime(PipelineDefinition definition, Invoker<Object, Object> invoker, BuildMetadata build,
            PipelineRuntimeConfig config, ObjectMapper mapper, Vertx vertx, MeterRegistry meters) {
        this.definition = definition;
        this.invoker = invoker;
        this.mapper = mapper;
        this.vertx = vertx;
        this.binder = new ParameterBinder(definition.getParameters(), mapper);
        this.invokeTimeoutNanos = config.invokeTimeout().toNanos();
        this.maxRecordedSteps = config.maxRecordedSteps();
        this.deploymentName = config.deploymentName().orElse(build.getApplicationName());
        this.pool = needsPool(definition.getExecutionMode()) ? newPool(config) : null;
        this.virtualThreads = definition.getExecutionMode() == ExecutionMode.VIRTUAL_THREAD && hasVirtualThreads()
                ? VirtualThreadsRecorder.getCurrent()
                : null;
        this.endpoints = endpoints(build);
        this.middlewares = middlewares(build);
        this.settings = effectiveSettings();
        this.appRunnerArgs = Map.copyOf(config.appRunnerArgs());
        if (build.getEndpointPaths().containsKey("metrics")) {
            // With the metrics endpoint excluded, Micrometer's own /q/metrics must not show the pipeline's series
            this.statistics.metrics(new PipelineMetrics(meters, definition.getName(), definition.getSteps(),
                    statistics, pool));
        }
        this.info = new DeploymentInfo(
                new DeploymentInfo.Deployment(deploymentId, deploymentName, authEnabled(config)),
                new DeploymentInfo.Snapshot(build.getSnapshotId(), build.getSnapshotName()),
                new DeploymentInfo.PipelineInfo(definition.getName(), defaults(), readJson(definition.getInputSchema()),
                        readJson(definition.getOutputSchema()), definition.getSteps()),
                app(definition, build, config),
                0, null, DeploymentInfo.HEALTHY, 0, build.getQuarkusVersion());
    }

    private static boolean authEnabled(PipelineRuntimeConfig config) {
        return config.auth().apiKeys().map(keys -> keys.stream().anyMatch(k -> !k.isBlank())).orElse(false);
    }

    private static boolean needsPool(ExecutionMode mode) {
        return mode == ExecutionMode.WORKER_POOL || (mode == ExecutionMode.VIRTUAL_THREAD && !hasVirtualThreads());
    }

    static boolean hasVirtualThreads() {
        return Runtime.version().feature() >= 21;
    }

    /**
     * Refuses values that cannot work, naming the key, so that the application does not start with them; called by
     * the recorder at startup.
     */
    public static void validate(PipelineRuntimeConfig config) {
        Duration timeout = config.invokeTimeout();
        if (timeout.isZero() || timeout.isNegative()) {
            throw invalid("invoke-timeout", timeout, "must be greater than 0");
        }
        if (config.threadPoolSize() < 1) {
            throw invalid("thread-pool-size", config.threadPoolSize(), "must be at least 1");
        }
        if (config.maxQueuedInvocations() < 0) {
            throw invalid("max-queued-invocations", config.maxQueuedInvocations(), "must not be negative");
        }
        if (config.maxRecordedSteps() < 1) {
            throw invalid("max-recorded-steps", config.maxRecordedSteps(), "must be at least 1");
        }
    }

    private static ConfigurationException invalid(String key, Object value, String rule) {
        String property = "quarkus.pipeline." + key;
        String raw = org.eclipse.microprofile.config.ConfigProvider.getConfig().getConfigValue(property).getRawValue();
        return new ConfigurationException(property + "=" + (raw != null ? raw : value) + " is invalid: it " + rule,
                Set.of(property));
    }

    private static ThreadPoolExecutor newPool(PipelineRuntimeConfig config) {
        int size = config.threadPoolSize();
        int queue = config.maxQueuedInvocations();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS,
                queue == 0 ? new SynchronousQueue<>() : new LinkedBlockingQueue<>(queue),
                new InvocationThreadFactory());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private JsonNode defaults() {
        var node = mapper.createObjectNode();
        for (ParameterDefinition p : definition.getParameters()) {
            if (p.getDefaultJson() != null) {
                node.set(p.getName(), readJson(p.getDefaultJson()));
            }
        }
        return node;
    }

    private JsonNode readJson(String json) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable build-time JSON: " + json, e);
        }
    }

    private static DeploymentInfo.App app(PipelineDefinition definition, BuildMetadata build,
            PipelineRuntimeConfig config) {
        Map<String, String> paths = build.getEndpointPaths();
        return new DeploymentInfo.App(
                config.appTitle().orElse(definition.getName() + " deployment"),
                config.appDescription().orElse("Serves the " + definition.getName() + " pipeline over HTTP."),
                config.appVersion().orElse(build.getApplicationVersion()),
                VERTX_FLAVOR,
                paths.get("docs"), paths.get("redoc"), paths.get("invoke"), paths.get("health"), paths.get("info"),
                paths.get("metrics"));
    }

    /** The built-in endpoints less the methods custom endpoints took over, then the custom endpoints. */
    private static List<EndpointDescriptor> endpoints(BuildMetadata build) {
        List<EndpointDescriptor> custom = new ArrayList<>();
        for (String encoded : build.getCustomEndpoints()) {
            String[] fields = encoded.split("\t", -1);
            custom.add(new EndpointDescriptor(fields[0], List.of(fields[1].split(",")), fields[2]));
        }
        List<EndpointDescriptor> list = new ArrayList<>();
        for (Map.Entry<String, String> e : build.getEndpointPaths().entrySet()) {
            List<String> methods = new ArrayList<>(List.of(build.getEndpointMethods().get(e.getKey()).split(",")));
            for (EndpointDescriptor c : custom) {
                if (c.path().equals(e.getValue())) {
                    methods.removeAll(c.methods());
                }
            }
            if (!methods.isEmpty()) {
                list.add(new EndpointDescriptor(e.getKey(), methods, e.getValue()));
            }
        }
        list.addAll(custom);
        return Collections.unmodifiableList(list);
    }

    private static List<MiddlewareDescriptor> middlewares(BuildMetadata build) {
        List<MiddlewareDescriptor> list = new ArrayList<>();
        for (String encoded : build.getMiddlewares()) {
            String[] fields = encoded.split("\t", -1);
            list.add(new MiddlewareDescriptor(fields[0], fields[1], Integer.parseInt(fields[2]),
                    fields[3].isEmpty() ? null : fields[3]));
        }
        return List.copyOf(list);
    }

    /** Every {@code quarkus.pipeline.*} property as configured, API keys masked. */
    private static Map<String, String> effectiveSettings() {
        org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        Map<String, String> settings = new java.util.TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("quarkus.pipeline.")) {
                config.getOptionalValue(name, String.class).ifPresent(value -> settings.put(name,
                        name.startsWith("quarkus.pipeline.auth.api-keys") ? "***" : value));
            }
        }
        return Collections.unmodifiableMap(settings);
    }

    public PipelineDefinition definition() {
        return definition;
    }

    public Invoker<Object, Object> invoker() {
        return invoker;
    }

    public ParameterBinder binder() {
        return binder;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public Vertx vertx() {
        return vertx;
    }

    /** The executor of blocking and virtual-thread runs, or {@code null} for event-loop and asynchronous ones. */
    ExecutorService executor() {
        return virtualThreads != null ? virtualThreads : pool;
    }

    /**
     * Gives a cancelled run's place in the queue back at once, rather than when a thread would have picked it up.
     *
     * @param task what {@link #executor()} returned for the run
     */
    void dequeue(Future<?> task) {
        if (pool != null && task instanceof Runnable queued) {
            pool.remove(queued);
        }
    }

    /** A run ended that held an invocation thread (or a virtual thread) for {@code nanos}. */
    void ranFor(long nanos) {
        long average = serviceNanos;
        serviceNanos = average == 0 ? Math.max(1, nanos) : average + (nanos - average) / 4;
    }

    /**
     * The expected wait, in seconds, for a place in a full queue: the runs queued (at least one) times the recent
     * time a run holds a thread, shared by the pool's threads; at least 1 and at most {@value #MAX_RETRY_AFTER}, and
     * 1 before any run has ended.
     */
    int retryAfterSeconds() {
        long average = serviceNanos;
        if (pool == null || average == 0) {
            return 1;
        }
        double seconds = Math.max(1, pool.getQueue().size()) * (average / 1e9) / pool.getMaximumPoolSize();
        return (int) Math.max(1, Math.min(MAX_RETRY_AFTER, Math.ceil(seconds)));
    }

    /** {@code quarkus.pipeline.max-recorded-steps}. */
    int maxRecordedSteps() {
        return maxRecordedSteps;
    }

    /** The time limit of a run, in nanoseconds: {@code invoke-timeout}, shortened by the request's own. */
    long timeoutNanos(Duration requested) {
        if (requested == null) {
            return invokeTimeoutNanos;
        }
        return Math.min(invokeTimeoutNanos, requested.toNanos());
    }

    public String deploymentId() {
        return deploymentId;
    }

    public String deploymentName() {
        return deploymentName;
    }

    @Override
    public Map<String, String> appRunnerArgs() {
        return appRunnerArgs;
    }

    /**
     * Reports the app runner's flavor in {@code /info}; called once at startup with the runner in use.
     */
    public void appRunnerFlavor(String flavor) {
        DeploymentInfo.App app = info.app();
        info = new DeploymentInfo(info.deployment(), info.snapshot(), info.pipeline(),
                new DeploymentInfo.App(app.title(), app.description(), app.version(), flavor, app.docsUrlPath(),
                        app.redocUrlPath(), app.invokeUrlPath(), app.healthUrlPath(), app.infoUrlPath(),
                        app.metricsUrlPath()),
                info.totalExecutions(), info.lastExecutionTime(), info.status(), info.uptime(), info.quarkusVersion());
    }

    /** The static part of {@code /info}; counters are filled in by the service. */
    public DeploymentInfo info() {
        return info;
    }

    @Override
    public Uni<InvocationResponse> invoke(InvocationRequest request) {
        return PipelineRun.start(this, request);
    }

    @Override
    public DeploymentInfo info(boolean healthy) {
        RunStatistics stats = statistics;
        return info.withState(stats.totalExecutions(), stats.lastExecutionTime(), healthy, uptime());
    }

    @Override
    public Router router() {
        return RouterHolder.get();
    }

    @Override
    public List<EndpointDescriptor> endpoints() {
        return endpoints;
    }

    @Override
    public List<MiddlewareDescriptor> middlewares() {
        return middlewares;
    }

    @Override
    public Map<String, String> settings() {
        return settings;
    }

    public RunStatistics statistics() {
        return statistics;
    }

    /** The last invocations, kept in dev mode for the Dev UI; {@code null} otherwise. */
    public RecentInvocations recentInvocations() {
        return recentInvocations;
    }

    public void keepRecentInvocations(int capacity) {
        recentInvocations = new RecentInvocations(capacity);
    }

    /** Seconds since startup. */
    public double uptime() {
        return (System.nanoTime() - startNanos) / 1_000_000_000.0;
    }

    /**
     * From now on, new invocations are turned away with 503 and readiness reports DOWN: the application is shutting
     * down. Runs in flight go on.
     */
    public void stopAccepting() {
        stopping = true;
    }

    /** Whether the application is shutting down and turns new invocations away. */
    public boolean stopping() {
        return stopping;
    }

    /**
     * Stops taking runs and waits up to {@code timeout} for those in flight.
     */
    public void shutdown(Duration timeout) {
        if (pool == null) {
            return;
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("%d pipeline invocation(s) still running after %s; interrupting them",
                        pool.getActiveCount(), timeout);
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
    }

    private static final class InvocationThreadFactory implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "pipeline-invoke-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
