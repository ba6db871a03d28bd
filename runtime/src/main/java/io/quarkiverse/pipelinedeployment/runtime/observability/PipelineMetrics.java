package io.quarkiverse.pipelinedeployment.runtime.observability;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.InvocationResponse.Outcome;
import io.quarkiverse.pipelinedeployment.runtime.engine.InvocationPool;
import io.quarkiverse.pipelinedeployment.runtime.engine.Run;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunListener;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunStatistics;
import io.quarkiverse.pipelinedeployment.runtime.runs.RunStore;

/**
 * The deployment's Micrometer meters, registered once at startup so that recording does no registry lookup, and only
 * when the metrics endpoint is served. A listener of runs:
 * <ul>
 * <li>{@code pipeline_invocations_total{pipeline,status}}: runs by outcome ({@code success}, {@code failure},
 * {@code timeout}, {@code cancelled} when the run was cancelled or the client of a synchronous invocation went away
 * before the answer);</li>
 * <li>{@code pipeline_invocation_seconds{pipeline}}: run durations, a histogram;</li>
 * <li>{@code pipeline_step_seconds{pipeline,step}}: step durations, a histogram;</li>
 * <li>{@code pipeline_invocations_active{pipeline}}: runs in flight;</li>
 * <li>{@code pipeline_runs_queued{pipeline}}: runs waiting for their turn;</li>
 * <li>{@code pipeline_invocations_rejected_total{pipeline}}: invocations turned away with 503;</li>
 * <li>{@code pipeline_pool_threads_busy{pipeline}}, {@code pipeline_pool_threads_max{pipeline}},
 * {@code pipeline_pool_queue_size{pipeline}}: the invocation thread pool, when the pipeline uses it.</li>
 * </ul>
 */
public final class PipelineMetrics implements RunListener {

    static final String PIPELINE = "pipeline";

    private final MeterRegistry registry;
    private final String pipeline;
    private final Counter[] outcomes = new Counter[Outcome.values().length];
    private final Timer invocation;
    private final Counter rejected;
    private final Map<String, Timer> steps;

    /**
     * @param pool where runs execute; its gauges are registered when it is the bounded thread pool (not for a
     *        pipeline that runs on the event loop, as a {@code Uni} or on virtual threads)
     */
    public PipelineMetrics(MeterRegistry registry, String pipeline, List<String> stepNames, RunStatistics statistics,
            InvocationPool pool, RunStore store) {
        this.registry = registry;
        this.pipeline = pipeline;
        for (Outcome outcome : Outcome.values()) {
            outcomes[outcome.ordinal()] = Counter.builder("pipeline.invocations")
                    .description("Pipeline runs, by outcome")
                    .tag(PIPELINE, pipeline).tag("status", outcome.label())
                    .register(registry);
        }
        this.invocation = Timer.builder("pipeline.invocation")
                .description("Duration of pipeline runs")
                .tag(PIPELINE, pipeline)
                .publishPercentileHistogram()
                .register(registry);
        this.rejected = Counter.builder("pipeline.invocations.rejected")
                .description("Invocations turned away because every invocation thread was busy and the queue full")
                .tag(PIPELINE, pipeline)
                .register(registry);
        Gauge.builder("pipeline.invocations.active", statistics, RunStatistics::activeExecutions)
                .description("Pipeline runs in flight")
                .tag(PIPELINE, pipeline)
                .register(registry);
        FunctionCounter.builder("pipeline.run.store.errors", store, RunStore::errors)
                .description("Reads and writes of runs that failed because the run store was unavailable; a"
                        + " synchronous invocation then went on unrecorded")
                .tag(PIPELINE, pipeline)
                .register(registry);
        Gauge.builder("pipeline.runs.queued", statistics, RunStatistics::queuedRuns)
                .description("Pipeline runs waiting for their turn: async submissions and invocations waiting for a"
                        + " thread")
                .tag(PIPELINE, pipeline)
                .register(registry);
        if (pool.bounded()) {
            // A run that timed out has ended, but a pipeline that ignores interruption keeps its thread busy
            Gauge.builder("pipeline.pool.threads.busy", pool, InvocationPool::busyThreads)
                    .description("Invocation threads running a pipeline (quarkus.pipeline.thread-pool-size at most)")
                    .tag(PIPELINE, pipeline)
                    .register(registry);
            Gauge.builder("pipeline.pool.threads.max", pool, InvocationPool::maxThreads)
                    .description("quarkus.pipeline.thread-pool-size")
                    .tag(PIPELINE, pipeline)
                    .register(registry);
            Gauge.builder("pipeline.pool.queue.size", pool, InvocationPool::queued)
                    .description("Invocations waiting for a thread (quarkus.pipeline.max-queued-invocations at most)")
                    .tag(PIPELINE, pipeline)
                    .register(registry);
        }
        Map<String, Timer> timers = new HashMap<>();
        for (String step : stepNames) {
            timers.put(step, stepTimer(step));
        }
        this.steps = new ConcurrentHashMap<>(timers);
    }

    private Timer stepTimer(String step) {
        return Timer.builder("pipeline.step")
                .description("Duration of pipeline steps")
                .tag(PIPELINE, pipeline).tag("step", step)
                .publishPercentileHistogram()
                .register(registry);
    }

    @Override
    public void finished(Run run, Outcome outcome, long nanos, InvocationResponse response) {
        outcomes[outcome.ordinal()].increment();
        invocation.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void rejected(Run run) {
        rejected.increment();
    }

    @Override
    public void stepFinished(Run run, String step, long nanos, String error) {
        Timer timer = steps.get(step);
        if (timer == null) {
            timer = steps.computeIfAbsent(step, this::stepTimer);
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }
}
