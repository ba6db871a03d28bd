package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.quarkiverse.pipelinedeployment.InvocationRejectedException;
import io.quarkiverse.pipelinedeployment.InvocationRequest;
import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.InvocationResponse.Outcome;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Handler;

/**
 * One run of the pipeline, from acceptance to its single response. Whichever comes first, the pipeline's result, the
 * time limit or the subscriber's cancellation (nobody waits for the answer any more), ends the run; the others are
 * ignored. A run that ends early stops its work: a queued one leaves the queue, a running one is interrupted, a
 * {@code Uni} is cancelled.
 */
public final class PipelineRun implements Runnable, Handler<Long> {

    private static final Logger LOG = Logger.getLogger(PipelineRun.class);

    private final PipelineRuntime engine;
    private final Deployment deployment;
    private final InvocationRequest request;
    private final ParameterBinder.Bound bound;
    private final UniEmitter<? super InvocationResponse> emitter;
    private final String runId = FastFormats.randomUuid();
    private final String runName;
    private final StepLog steps;
    private final AtomicBoolean done = new AtomicBoolean();
    private final long acceptedNanos = System.nanoTime();
    private final long deadlineNanos;
    private volatile long startedNanos;
    private volatile long timerId = -1;
    private volatile Future<?> future;
    private volatile Cancellable subscription;

    private PipelineRun(PipelineRuntime runtime, InvocationRequest request, ParameterBinder.Bound bound,
            UniEmitter<? super InvocationResponse> emitter) {
        this.engine = runtime;
        this.deployment = runtime.deployment();
        this.request = request;
        this.bound = bound;
        this.emitter = emitter;
        this.runName = request.runName() != null ? request.runName()
                : deployment.definition().getName() + "-" + FastFormats.runNameTime(Instant.now());
        this.deadlineNanos = request.receivedAtNanos() + runtime.timeoutNanos(request.timeout());
        this.steps = new StepLog(runtime.listeners(), runtime.maxRecordedSteps());
    }

    /**
     * Runs the pipeline with the given request, following the pipeline's execution model. Must be called on the
     * request's Vert.x context.
     */
    public static Uni<InvocationResponse> start(PipelineRuntime runtime, InvocationRequest request) {
        ParameterBinder.Bound bound;
        try {
            bound = runtime.binder().bind(request.parameters());
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        return start(runtime, request, bound);
    }

    /**
     * Runs the pipeline with parameters bound beforehand (off the event loop, for a large body). Must be called on the
     * request's Vert.x context.
     */
    public static Uni<InvocationResponse> start(PipelineRuntime runtime, InvocationRequest request,
            ParameterBinder.Bound bound) {
        return Uni.createFrom().emitter(emitter -> new PipelineRun(runtime, request, bound, emitter).start());
    }

    private void start() {
        if (engine.stopping()) {
            done.set(true);
            engine.runRejected();
            // Another instance can take it at once
            emitter.fail(new InvocationRejectedException("The service is shutting down; retry on another instance",
                    1));
            return;
        }
        emitter.onTermination(() -> {
            if (done.compareAndSet(false, true)) {
                cancelled();
            }
        });
        switch (deployment.definition().getExecutionMode()) {
            case EVENT_LOOP -> {
                engine.runStarted();
                runInline();
            }
            case ASYNC -> {
                engine.runStarted();
                armTimer();
                runAsync();
            }
            default -> {
                try {
                    future = engine.pool().executor().submit(this);
                } catch (RejectedExecutionException e) {
                    done.set(true);
                    engine.runRejected();
                    emitter.fail(new InvocationRejectedException(
                            "Too many pipeline invocations in progress: every invocation thread is busy and the queue"
                                    + " (quarkus.pipeline.max-queued-invocations) is full",
                            engine.pool().retryAfterSeconds()));
                    return;
                }
                engine.runStarted();
                armTimer();
            }
        }
    }

    /** Runs on an invocation thread or a virtual thread. */
    @Override
    public void run() {
        if (done.get()) {
            return; // ran out of time while queued
        }
        long began = System.nanoTime();
        startedNanos = began;
        StepLog previous = steps.enter();
        try {
            finish(Outcome.SUCCESS, engine.invoker().invoke(null, bound.arguments()), null);
        } catch (Throwable t) {
            finish(Outcome.FAILURE, null, t);
        } finally {
            StepLog.exit(previous);
            engine.pool().ranFor(System.nanoTime() - began);
        }
    }

    private void runInline() {
        startedNanos = System.nanoTime();
        StepLog previous = steps.enter();
        Object result;
        try {
            result = engine.invoker().invoke(null, bound.arguments());
        } catch (Throwable t) {
            finish(Outcome.FAILURE, null, t);
            return;
        } finally {
            StepLog.exit(previous);
        }
        // An event-loop pipeline cannot be preempted: its result is discarded if it came too late
        finish(System.nanoTime() - deadlineNanos > 0 ? Outcome.TIMEOUT : Outcome.SUCCESS, result, null);
    }

    private void runAsync() {
        startedNanos = System.nanoTime();
        StepLog previous = steps.enter();
        steps.bindToVertxContext();
        try {
            Object result = engine.invoker().invoke(null, bound.arguments());
            Uni<?> uni = result instanceof CompletionStage<?> stage ? Uni.createFrom().completionStage(stage)
                    : (Uni<?>) result;
            if (uni == null) {
                throw new NullPointerException("The pipeline method returned null instead of a Uni or CompletionStage");
            }
            subscription = uni.subscribe().with(
                    item -> finish(Outcome.SUCCESS, item, null),
                    failure -> finish(Outcome.FAILURE, null, failure));
            if (done.get()) {
                cancelWork();
            }
        } catch (Throwable t) {
            finish(Outcome.FAILURE, null, t);
        } finally {
            StepLog.exit(previous);
        }
    }

    private void armTimer() {
        long remainingMillis = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
        timerId = engine.vertx().setTimer(remainingMillis, this);
        if (done.get()) {
            engine.vertx().cancelTimer(timerId);
        }
    }

    /** The run's time is up (its Vert.x timer fired). */
    @Override
    public void handle(Long id) {
        if (done.compareAndSet(false, true)) {
            cancelWork();
            complete(Outcome.TIMEOUT, null, null);
        }
    }

    /** The subscriber went away before the run ended (the client disconnected): stop the work, answer nothing. */
    private void cancelled() {
        cancelTimer();
        cancelWork();
        long end = System.nanoTime();
        if (LOG.isDebugEnabled()) {
            LOG.debugf("Pipeline %s run %s (%s) cancelled: nobody waits for its answer",
                    deployment.definition().getName(), ClientText.forLog(runName), runId);
        }
        engine.runFinished(Outcome.CANCELLED, end - (startedNanos != 0 ? startedNanos : acceptedNanos), null);
    }

    private void cancelWork() {
        Future<?> f = future;
        if (f != null) {
            f.cancel(true);
            // A queued run gives its place back now, not when a thread would have picked it up
            engine.pool().dequeue(f);
        }
        Cancellable s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    private void cancelTimer() {
        long timer = timerId;
        if (timer >= 0) {
            engine.vertx().cancelTimer(timer);
        }
    }

    private void finish(Outcome outcome, Object result, Throwable failure) {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        cancelTimer();
        complete(outcome, result, failure);
    }

    private void complete(Outcome outcome, Object result, Throwable failure) {
        long end = System.nanoTime();
        long began = startedNanos != 0 ? startedNanos : acceptedNanos;
        double seconds = (end - began) / 1_000_000_000.0;
        double limit = (deadlineNanos - request.receivedAtNanos()) / 1_000_000_000.0;
        InvocationResponse response = RunAnswers.answer(deployment, runId, runName, bound, steps, outcome, result,
                failure, seconds, limit);
        engine.runFinished(outcome, end - began, response);
        emitter.complete(response);
    }
}
