package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.invoke.Invoker;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.pipelinedeployment.DeploymentInfo;
import io.quarkiverse.pipelinedeployment.EndpointDescriptor;
import io.quarkiverse.pipelinedeployment.InvocationRejectedException;
import io.quarkiverse.pipelinedeployment.InvocationRequest;
import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.InvocationResponse.Outcome;
import io.quarkiverse.pipelinedeployment.MiddlewareDescriptor;
import io.quarkiverse.pipelinedeployment.runtime.PipelineRuntimeConfig;
import io.quarkiverse.pipelinedeployment.runtime.RunsConfig;
import io.quarkiverse.pipelinedeployment.spi.PipelineEngine;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * The engine that runs the deployed pipeline: the generated invoker, the parameter binder, the invocation pool, the
 * time limits and the shutdown, and the listeners told of every run. Built once at startup around the
 * {@link Deployment}'s description.
 */
public final class PipelineRuntime implements PipelineEngine {

    private final Invoker<Object, Object> invoker;
    private final ParameterBinder binder;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final InvocationPool pool;
    private final RunStatistics statistics;
    private final RecentInvocations recentInvocations;
    private final RunListeners listeners;
    private final long invokeTimeoutNanos;
    private final int maxRecordedSteps;
    private final int maxEvents;
    private final boolean recordSync;
    private final AtomicLong sequence = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private volatile Deployment deployment;
    private volatile Router router;
    private volatile boolean stopping;

    /**
     * @param recentInvocations the Dev UI's last invocations, or {@code null} outside dev mode
     * @param others listeners besides the statistics, the run events and the recent invocations (the run store,
     *        metrics)
     */
    public PipelineRuntime(Deployment deployment, Invoker<Object, Object> invoker, PipelineRuntimeConfig config,
            ObjectMapper mapper, Vertx vertx, InvocationPool pool, RunStatistics statistics,
            RecentInvocations recentInvocations, List<RunListener> others) {
        this.deployment = deployment;
        this.invoker = invoker;
        this.mapper = mapper;
        this.vertx = vertx;
        this.pool = pool;
        this.binder = new ParameterBinder(deployment.definition().getParameters(), mapper);
        this.invokeTimeoutNanos = config.invokeTimeout().toNanos();
        this.maxRecordedSteps = config.maxRecordedSteps();
        this.maxEvents = config.runs().maxEvents();
        this.recordSync = config.runs().record() == RunsConfig.Record.ALL;
        this.statistics = statistics;
        this.recentInvocations = recentInvocations;
        this.listeners = new RunListeners(statistics, others, recentInvocations);
    }

    /** The description of the deployment. */
    public Deployment deployment() {
        return deployment;
    }

    public PipelineDefinition definition() {
        return deployment.definition();
    }

    public String deploymentId() {
        return deployment.id();
    }

    /** The static part of {@code /info}; counters are filled in by the service. */
    public DeploymentInfo info() {
        return deployment.info();
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

    Invoker<Object, Object> invoker() {
        return invoker;
    }

    public InvocationPool pool() {
        return pool;
    }

    /** The listeners told of every run. */
    public RunListeners listeners() {
        return listeners;
    }

    /** {@code quarkus.pipeline.max-recorded-steps}. */
    int maxRecordedSteps() {
        return maxRecordedSteps;
    }

    /** The time limit of a run, in nanoseconds: {@code invoke-timeout}, shortened by the request's own. */
    long timeoutNanos(Duration requested) {
        return requested == null ? invokeTimeoutNanos : Math.min(invokeTimeoutNanos, requested.toNanos());
    }

    /**
     * A new run for {@code request}, with a strong random id and the request's name (by default
     * {@code <pipeline>-<UTC timestamp>}).
     *
     * @param async whether its submitter does not wait for its answer: an async run is always recorded, a
     *        synchronous one when {@code quarkus.pipeline.runs.record} is {@code all}
     */
    public Run newRun(InvocationRequest request, RunSource source, boolean async) {
        return newRun(request, source, async, false);
    }

    /**
     * A new run, as {@link #newRun(InvocationRequest, RunSource, boolean)}.
     *
     * @param keep whether the run is recorded whatever {@code quarkus.pipeline.runs.record} says: a run an
     *        idempotency key maps to is kept for the key's retention
     */
    public Run newRun(InvocationRequest request, RunSource source, boolean async, boolean keep) {
        Instant now = Instant.now();
        String name = request.runName() != null ? request.runName()
                : deployment.definition().getName() + "-" + FastFormats.runNameTime(now);
        return new Run(FastFormats.randomUuid(), name, sequence.incrementAndGet(), source, now,
                async || keep || recordSync ? new RunEvents(maxEvents) : null, async);
    }

    /**
     * What turns the request away before a run exists, without running it (a store's shared queue checks a
     * submission so before queuing it): invalid parameters (422), or the application shutting down (503); else
     * {@code null}.
     */
    public RuntimeException check(InvocationRequest request) {
        if (stopping) {
            return new InvocationRejectedException("The service is shutting down; retry on another instance", 1);
        }
        try {
            binder.bind(request.parameters());
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** The envelope of a run that ended {@code failed} without an answer: its replica stopped, for one. */
    public InvocationResponse lost(Run run, String error, double seconds) {
        return RunAnswers.lost(deployment, run, error, seconds);
    }

    /** The envelope of a run a replaced service executed on its own and gave no answer for. */
    public InvocationResponse unanswered(Run run, Outcome outcome, Throwable failure, double seconds) {
        return RunAnswers.unanswered(deployment, run, outcome, failure, seconds);
    }

    /** Reports the app runner's flavor in {@code /info}; called once at startup with the runner in use. */
    public void appRunnerFlavor(String flavor) {
        deployment = deployment.withAppRunnerFlavor(flavor);
    }

    /** Hands over the application's HTTP router, once it exists, for {@code AppRunner.router()}. */
    public void routerReady(Router router) {
        this.router = router;
    }

    @Override
    public Uni<InvocationResponse> invoke(InvocationRequest request) {
        ParameterBinder.Bound bound;
        try {
            bound = binder.bind(request.parameters());
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        return PipelineRun.start(this, request, bound);
    }

    @Override
    public DeploymentInfo info(boolean healthy) {
        return deployment.info().withState(statistics.totalExecutions(), statistics.lastExecutionTime(), healthy,
                uptime());
    }

    @Override
    public Router router() {
        Router r = router;
        if (r == null) {
            throw new IllegalStateException("The HTTP router is not ready yet");
        }
        return r;
    }

    @Override
    public List<EndpointDescriptor> endpoints() {
        return deployment.endpoints();
    }

    @Override
    public List<MiddlewareDescriptor> middlewares() {
        return deployment.middlewares();
    }

    @Override
    public Map<String, String> settings() {
        return deployment.settings();
    }

    @Override
    public Map<String, String> appRunnerArgs() {
        return deployment.appRunnerArgs();
    }

    /** The last invocations, kept in dev mode for the Dev UI; {@code null} otherwise. */
    public RecentInvocations recentInvocations() {
        return recentInvocations;
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

    /** Stops taking runs and waits up to {@code timeout} for those in flight. */
    public void shutdown(Duration timeout) {
        pool.shutdown(timeout);
    }
}
